/**
 * Who is connected, across server processes: each process counts its own sockets per user in
 * `presence` and refreshes its rows with a heartbeat (a crashed process's rows go stale). When a
 * user's last socket anywhere closed and the grace period passed, a sweep marks them away, and
 * every account where they have `auto_offline` sees them offline (`presence.update`). A socket
 * opening again brings them back. Every process sweeps; the conditional update makes one of
 * them the one that announces it.
 */
import type { AvailabilityStatus, RealtimeEvent } from '@bevatel/protocol';
import { randomUUID } from 'node:crypto';
import type { FastifyBaseLogger } from 'fastify';
import { sql, type Kysely } from 'kysely';
import type { Database } from '../db/schema';
import { availabilityStatus } from '../presenters/agent';
import type { RealtimePublisher } from './publisher';

export interface PresenceOptions {
  /** How long after the last socket closed an agent with auto_offline goes offline. */
  graceMs: number;
  /** How often this process refreshes its rows and sweeps. */
  heartbeatMs: number;
}

export const DEFAULT_PRESENCE_OPTIONS: PresenceOptions = { graceMs: 60_000, heartbeatMs: 15_000 };

/** Rows not refreshed for this many heartbeats belong to a process that is gone. */
const STALE_HEARTBEATS = 3;

export class PresenceTracker {
  readonly processId = randomUUID();
  private readonly local = new Map<number, number>();
  private timer: NodeJS.Timeout | null = null;
  /** Writes of this process, one after the other: a close never overtakes its open. */
  private queue: Promise<void> = Promise.resolve();

  constructor(
    private readonly db: Kysely<Database>,
    private readonly publisher: RealtimePublisher,
    private readonly options: PresenceOptions,
    private readonly log?: FastifyBaseLogger,
    private readonly now: () => number = Date.now,
  ) {}

  start(): void {
    this.timer ??= setInterval(() => void this.tick(), this.options.heartbeatMs);
    this.timer.unref();
  }

  /** Stops the timers and gives this process's sockets up (they are closing with it). */
  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    await this.queue;
    await this.run(() =>
      this.db
        .updateTable('presence')
        .set({ connections: 0, seen_at: this.now() })
        .where('process_id', '=', this.processId)
        .execute()
        .then(() => undefined),
    );
  }

  connected(userId: number): void {
    const count = (this.local.get(userId) ?? 0) + 1;
    this.local.set(userId, count);
    this.enqueue(async () => {
      await this.store(userId, count);
      const back = await this.db
        .updateTable('users')
        .set({ away: 0 })
        .where('id', '=', userId)
        .where('away', '=', 1)
        .executeTakeFirst();
      if (Number(back.numUpdatedRows) > 0) await this.announce(userId);
    });
  }

  disconnected(userId: number): void {
    const count = Math.max(0, (this.local.get(userId) ?? 0) - 1);
    if (count === 0) this.local.delete(userId);
    else this.local.set(userId, count);
    this.enqueue(() => this.store(userId, count));
  }

  /** One heartbeat: refresh this process's rows, then mark away whoever left for good. */
  async tick(): Promise<void> {
    await this.run(async () => {
      await this.db
        .updateTable('presence')
        .set({ seen_at: this.now() })
        .where('process_id', '=', this.processId)
        .where('connections', '>', 0)
        .execute();
      await this.sweep();
    });
  }

  private async sweep(): Promise<void> {
    const now = this.now();
    const liveSince = now - this.options.heartbeatMs * STALE_HEARTBEATS;
    const leftBefore = now - this.options.graceMs;
    const gone = await this.db
      .selectFrom('presence')
      .innerJoin('users', 'users.id', 'presence.user_id')
      .select('presence.user_id')
      .where('users.away', '=', 0)
      .groupBy('presence.user_id')
      // No socket left that a live process vouches for…
      .having(
        sql<number>`sum(case when ${sql.ref('presence.connections')} > 0 and ${sql.ref(
          'presence.seen_at',
        )} > ${liveSince} then 1 else 0 end)`,
        '=',
        0,
      )
      // …and the last one closed longer ago than the grace period.
      .having(sql`max(${sql.ref('presence.seen_at')})`, '<', leftBefore)
      .execute();
    for (const { user_id: userId } of gone) {
      const marked = await this.db
        .updateTable('users')
        .set({ away: 1 })
        .where('id', '=', userId)
        .where('away', '=', 0)
        .executeTakeFirst();
      if (Number(marked.numUpdatedRows) === 0) continue; // another process got there first
      await this.db
        .deleteFrom('presence')
        .where('user_id', '=', userId)
        .where((eb) => eb.or([eb('connections', '=', 0), eb('seen_at', '<=', liveSince)]))
        .execute();
      await this.announce(userId);
    }
  }

  private async store(userId: number, connections: number): Promise<void> {
    const row = { user_id: userId, process_id: this.processId, connections, seen_at: this.now() };
    await this.db
      .insertInto('presence')
      .values(row)
      .onConflict((oc) =>
        oc.columns(['user_id', 'process_id']).doUpdateSet({ connections, seen_at: row.seen_at }),
      )
      .execute();
  }

  /** Coming or going shows only where auto_offline is on. */
  private announce(userId: number): Promise<void> {
    return announceAvailability(this.db, this.publisher, userId, { autoOfflineOnly: true });
  }

  private enqueue(write: () => Promise<void>): void {
    this.queue = this.queue.then(() => this.run(write));
  }

  /** A presence write that fails is logged, never thrown: sockets must not break over it. */
  private async run(write: () => Promise<void>): Promise<void> {
    try {
      await write();
    } catch (error) {
      this.log?.warn({ err: error }, 'presence update failed');
    }
  }
}

/**
 * Publishes what colleagues now see of `userId`'s availability, in each of their accounts (or
 * the one given; only where auto_offline is on, when coming and going is the change).
 */
export async function announceAvailability(
  db: Kysely<Database>,
  publisher: RealtimePublisher,
  userId: number,
  scope: { accountId?: number | undefined; autoOfflineOnly?: boolean } = {},
): Promise<void> {
  let query = db
    .selectFrom('account_users')
    .innerJoin('users', 'users.id', 'account_users.user_id')
    .select(['account_users.account_id', 'account_users.availability', 'users.away'])
    .select('account_users.auto_offline')
    .where('account_users.user_id', '=', userId);
  if (scope.accountId !== undefined) {
    query = query.where('account_users.account_id', '=', scope.accountId);
  }
  if (scope.autoOfflineOnly) query = query.where('account_users.auto_offline', '=', 1);
  for (const row of await query.execute()) {
    publisher.publish(
      { accountId: row.account_id, inboxId: null },
      presenceUpdate(row.account_id, userId, availabilityStatus({ away: row.away }, row)),
    );
  }
}

/** Chatwoot's `presence.update`: the account and each changed user's availability. */
export function presenceUpdate(
  accountId: number,
  userId: number,
  status: AvailabilityStatus,
): RealtimeEvent {
  return {
    event: 'presence.update',
    data: { account_id: accountId, users: { [String(userId)]: status } },
  };
}
