/**
 * Snoozed conversations reopen on their own once `snoozed_until` passes. Every server process
 * runs a scheduler; each tick reopens the due conversations in one command (toggle_status's
 * `applyStatus`, as the system: the same activity line and events as a manual reopen). On
 * PostgreSQL the due rows are locked FOR UPDATE SKIP LOCKED, so two processes never take the
 * same one, and a row taken by another is open when it commits: each reopens once. SQLite runs
 * a single process. Nothing lives in memory: after a restart the first tick reopens whatever
 * fell due meanwhile.
 */
import { SYSTEM_ACTOR } from '@bevatel/protocol';
import type { FastifyBaseLogger } from 'fastify';
import {
  outcome,
  runCommand,
  type CoreDeps,
  type CoreEvent,
  type Outcome,
  type Tx,
} from '../../core/commands';
import { nowMs } from '../../lib/time';
import { applyStatus } from './commands/status';

/** Conversations one tick's transaction reopens at most; the next batch follows at once. */
const BATCH = 50;

/** Reopens up to `limit` conversations whose snooze ended by `now`; answers how many. */
export async function reopenDueSnoozes(
  tx: Tx,
  now: number,
  limit = BATCH,
): Promise<Outcome<number>> {
  const due = await tx.db
    .selectFrom('conversations')
    .selectAll()
    .where('status', '=', 'snoozed')
    .where('snoozed_until', '<=', now)
    .orderBy('snoozed_until')
    .limit(limit)
    .$if(tx.dialect === 'postgres', (qb) => qb.forUpdate().skipLocked())
    .execute();
  const events: CoreEvent[] = [];
  for (const conversation of due) {
    const done = await applyStatus(tx, conversation, { status: 'open' }, SYSTEM_ACTOR);
    events.push(...done.events);
  }
  return outcome(due.length, events);
}

export class SnoozeScheduler {
  #timer: NodeJS.Timeout | null = null;
  #ticking: Promise<void> | null = null;
  #stopped = true;

  constructor(
    private readonly deps: CoreDeps,
    private readonly pollMs: number,
    private readonly log: FastifyBaseLogger,
  ) {}

  /** Polls every `pollMs`; 0 polls never (tests call `runOnce`). */
  start(): void {
    if (!this.#stopped || this.pollMs <= 0) return;
    this.#stopped = false;
    this.#schedule(0);
  }

  async stop(): Promise<void> {
    this.#stopped = true;
    if (this.#timer) clearTimeout(this.#timer);
    this.#timer = null;
    await this.#ticking;
  }

  /** Reopens everything due now, batch after batch; answers how many (tests call it too). */
  async runOnce(now = nowMs()): Promise<number> {
    let total = 0;
    for (;;) {
      const { result } = await runCommand(this.deps, (tx) => reopenDueSnoozes(tx, now));
      total += result;
      if (result < BATCH || this.#stopped) return total;
    }
  }

  #schedule(delayMs: number): void {
    if (this.#stopped) return;
    this.#timer = setTimeout(() => {
      this.#timer = null;
      this.#ticking = this.runOnce()
        .then(() => undefined)
        .catch((error: unknown) => {
          // The database is away or busy: the next tick tries again.
          this.log.warn({ err: error }, 'snooze scheduler could not reopen conversations');
        })
        .finally(() => {
          this.#ticking = null;
          this.#schedule(this.pollMs);
        });
    }, delayMs);
    this.#timer.unref();
  }
}
