import type { RealtimeEvent } from '@bevatel/protocol';
import type { FastifyBaseLogger } from 'fastify';
import type { Audience, EnvelopeDraft, RealtimeBus } from './bus';
import { DEFAULT_OUTBOX_OPTIONS, Outbox, type OutboxOptions } from './outbox';

/** What commands call after their transaction commits. */
export interface RealtimePublisher {
  /**
   * Queues the event and returns at once: never waits for the bus, never throws (the change is
   * committed already). Events are sent in order; while the bus is away they are held.
   */
  publish(audience: Audience, event: RealtimeEvent): void;
  /**
   * Call after inbox members, roles or account members change (userId null: anyone in the
   * account), so every process re-reads who may see which inbox before the next event.
   */
  membershipChanged(accountId: number, userId?: number | null): void;
  /**
   * Call after a user's session ended or their access token changed, so every process closes
   * the sockets that signed in with it now (not at the next periodic check).
   */
  credentialsChanged(userId: number): void;
}

/** The publisher with what its owner (the realtime plugin) needs to run it. */
export interface OwnedPublisher extends RealtimePublisher {
  /** Items not yet handed to the bus. */
  readonly pending: number;
  /** The bus is back: send what is held now. */
  retryNow(): void;
  /** Sends what it can within `graceMs`, then drops the rest. */
  close(graceMs: number): Promise<void>;
}

export function createPublisher(
  bus: RealtimeBus,
  log?: FastifyBaseLogger,
  options: OutboxOptions = DEFAULT_OUTBOX_OPTIONS,
): OwnedPublisher {
  const outbox = new Outbox(bus, options, log);
  return {
    publish(audience, event) {
      const draft = { ...event, account_id: audience.accountId, ts: Date.now() } as EnvelopeDraft;
      outbox.push({ kind: 'event', message: { audience, draft } });
    },
    membershipChanged(accountId, userId = null) {
      outbox.push({ kind: 'signal', signal: { kind: 'membership', accountId, userId } });
    },
    credentialsChanged(userId) {
      outbox.push({ kind: 'signal', signal: { kind: 'credentials', userId } });
    },
    get pending() {
      return outbox.size;
    },
    retryNow: () => outbox.retryNow(),
    close: (graceMs) => outbox.close(graceMs),
  };
}
