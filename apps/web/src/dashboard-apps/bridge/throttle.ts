import { systemClock, type Clock } from './types';

export interface Throttle {
  /** Asks for a run: now when the last one is old enough, else once at the end of the wait. */
  schedule(): void;
  cancel(): void;
}

/**
 * Leading + trailing throttle: runs are at least `minIntervalMs` apart, a burst collapses into
 * one trailing run, and that run reads the state at the time it fires (the latest wins).
 * `run` returns whether it did anything, so a run that found nothing new does not delay the next.
 */
export function createThrottle(
  minIntervalMs: number,
  run: () => boolean,
  clock: Clock = systemClock,
): Throttle {
  let lastRunAt = Number.NEGATIVE_INFINITY;
  let timer: unknown = null;

  const fire = (): void => {
    timer = null;
    const at = clock.now();
    if (run()) lastRunAt = at;
  };

  return {
    schedule() {
      if (timer !== null) return;
      const wait = lastRunAt + minIntervalMs - clock.now();
      if (wait <= 0) fire();
      else timer = clock.setTimeout(fire, wait);
    },
    cancel() {
      if (timer !== null) clock.clearTimeout(timer);
      timer = null;
    },
  };
}
