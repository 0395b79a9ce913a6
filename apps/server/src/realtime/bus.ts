import { EventEmitter } from 'node:events';
import type { RealtimeEnvelope, RealtimeEvent } from '@bevatel/protocol';

/** Who may receive an event: everyone in the account, or those who may see one inbox. */
export interface Audience {
  accountId: number;
  /** Set for conversation and message events: only admins and that inbox's members get them. */
  inboxId: number | null;
  /**
   * Set for a website visitor's events (modules/web-widget): only that contact inbox's visitor
   * sockets get them, never agents.
   */
  contactInboxId?: number;
  /** Set for one person's events (notifications): only that user's sockets get them. */
  userId?: number;
}

/** An event as the publisher hands it over: everything but the id, which the bus assigns. */
export type EnvelopeDraft = RealtimeEvent & { account_id: number; ts: number };

export interface BusDraft {
  audience: Audience;
  draft: EnvelopeDraft;
}

/** What subscribers receive: the envelope with its id. */
export interface BusMessage {
  audience: Audience;
  envelope: RealtimeEnvelope;
}

/**
 * Server-internal notices that never reach browsers as such:
 * - `membership`: who may see what in this account changed (inbox members, roles, removed
 *   agents), so every process refreshes its sockets now (`userId` null: anyone in the account);
 * - `resync`: events were lost (an outbox overflowed during an outage, a subscriber missed some,
 *   up to id `after` when known): every socket must refetch over REST;
 * - `sequence`: the id sequence restarted after `after` (a fresh Redis), so the next id is not a
 *   sign of lost events.
 */
export type BusSignal =
  | { kind: 'membership'; accountId: number; userId: number | null }
  | { kind: 'resync'; after?: number }
  | { kind: 'sequence'; after: number }
  /** A user's sign-ins changed (sign-out, password change, token reset): re-check their sockets. */
  | { kind: 'credentials'; userId: number };

/**
 * Carries events from the process that committed a change to every process holding sockets.
 * In-process by default; Redis pub/sub when REDIS_URL is set (see redis-bus.ts).
 *
 * Envelope ids are unique and increase by one per event across all processes sharing the bus,
 * and every subscriber sees them in id order: clients dedupe and resume by id, and a gap tells
 * the gateway that messages were lost.
 */
export interface RealtimeBus {
  publish(message: BusDraft): Promise<void>;
  subscribe(handler: (message: BusMessage) => void): () => void;
  signal(signal: BusSignal): Promise<void>;
  onSignal(handler: (signal: BusSignal) => void): () => void;
  /** Resolves when the bus answers (Redis PING); rejects when it does not. For `/ready`. */
  ping(): Promise<void>;
  /**
   * False while events cannot flow between processes (the link to Redis is down); they are
   * held by each process's outbox meanwhile. Sockets are told, so dashboards can say so.
   */
  readonly live: boolean;
  /** Called with `false` when the link goes down and `true` once it is back and checked. */
  onLink(handler: (live: boolean) => void): () => void;
  close(): Promise<void>;
}

/**
 * First id of a fresh sequence. Starting from the clock (µs-scale) keeps ids increasing across
 * restarts of the in-process bus (and a flushed Redis) without storing anything.
 */
export function sequenceSeed(now = Date.now()): number {
  return now * 1000;
}

export function createMemoryBus(): RealtimeBus {
  const emitter = new EventEmitter();
  emitter.setMaxListeners(0);
  let sequence = sequenceSeed();
  return {
    async publish({ audience, draft }) {
      sequence += 1;
      const envelope = { ...draft, id: sequence } as RealtimeEnvelope;
      emitter.emit('message', { audience, envelope });
    },
    subscribe(handler) {
      emitter.on('message', handler);
      return () => emitter.off('message', handler);
    },
    async signal(signal) {
      emitter.emit('signal', signal);
    },
    onSignal(handler) {
      emitter.on('signal', handler);
      return () => emitter.off('signal', handler);
    },
    async ping() {},
    live: true,
    onLink: () => () => undefined,
    async close() {
      emitter.removeAllListeners();
    },
  };
}
