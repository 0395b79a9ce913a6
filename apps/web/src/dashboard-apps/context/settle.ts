import { systemClock, type Clock } from '../bridge/types';

/**
 * Waits for a change to settle before it is used: one incoming message updates the thread,
 * then the conversation, then (once the agent's read mark is answered) the conversation again,
 * within a few hundred milliseconds. The first value, and a value for another key (another
 * conversation), pass at once; later ones once nothing changed for `quietMs` and nothing is
 * still on its way (`holding`), and never later than `maxWaitMs` after the first change.
 */
export interface Settler<T> {
  offer(value: T, key: string, holding: boolean): void;
  cancel(): void;
}

export interface SettleOptions {
  quietMs: number;
  maxWaitMs: number;
}

export const CONTEXT_SETTLE: SettleOptions = { quietMs: 120, maxWaitMs: 1000 };

export function createSettler<T>(
  apply: (value: T) => void,
  options: SettleOptions = CONTEXT_SETTLE,
  clock: Clock = systemClock,
): Settler<T> {
  let appliedKey: string | null = null;
  let pending: { value: T; since: number; holding: boolean } | null = null;
  let timer: unknown = null;

  const flush = (): void => {
    timer = null;
    if (!pending) return;
    const { value } = pending;
    pending = null;
    apply(value);
  };
  const arm = (): void => {
    if (timer !== null) clock.clearTimeout(timer);
    if (!pending) return;
    const now = clock.now();
    const deadline = pending.since + options.maxWaitMs;
    const at = pending.holding ? deadline : Math.min(now + options.quietMs, deadline);
    timer = clock.setTimeout(flush, Math.max(0, at - now));
  };

  return {
    offer(value, key, holding) {
      if (appliedKey !== key) {
        appliedKey = key;
        pending = null;
        if (timer !== null) clock.clearTimeout(timer);
        timer = null;
        apply(value);
        return;
      }
      pending = { value, since: pending?.since ?? clock.now(), holding };
      arm();
    },
    cancel() {
      if (timer !== null) clock.clearTimeout(timer);
      timer = null;
      pending = null;
    },
  };
}

/** A settled context input and what changed since the previous one (null: the first). */
export interface SettledInput<T, C> {
  input: T;
  change: C | null;
}

/**
 * A settler for the inputs of one frame's context: compares each settled input with the
 * previous one of the same conversation and hands on only real changes, with their description.
 */
export function createChangeSettler<T, C>(
  sameConversation: (a: T, b: T) => boolean,
  describe: (previous: T, next: T) => C | null,
  onSettled: (settled: SettledInput<T, C>) => void,
  options: SettleOptions = CONTEXT_SETTLE,
  clock: Clock = systemClock,
): Settler<T> {
  let last: T | null = null;
  return createSettler<T>(
    (next) => {
      const same = last !== null && sameConversation(last, next);
      const change = same && last !== null ? describe(last, next) : null;
      if (same && change === null) return;
      last = next;
      onSettled({ input: next, change });
    },
    options,
    clock,
  );
}
