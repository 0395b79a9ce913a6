import { EventEmitter } from 'node:events';
import type { RealtimeEnvelope, RealtimeEvent } from '@bevatel/protocol';

/** Who may receive an event: everyone in the account, or those who may see one inbox. */
export interface Audience {
  accountId: number;
  /** Set for conversation and message events: only admins and that inbox's members get them. */
  inboxId: number | null;
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
 * Server-internal notices that never reach browsers: "who may see what in this account changed"
 * (inbox members, roles, removed agents), so every process refreshes its sockets now.
 */
export interface BusSignal {
  kind: 'membership';
  accountId: number;
  /** The user concerned, or null for "anyone in the account". */
  userId: number | null;
}

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
    async close() {
      emitter.removeAllListeners();
    },
  };
}
