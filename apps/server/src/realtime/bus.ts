import { EventEmitter } from 'node:events';
import type { RealtimeEnvelope } from '@bevatel/protocol';

/** Who may receive an event: everyone in the account, or those who may see one inbox. */
export interface Audience {
  accountId: number;
  /** Set for conversation and message events: only admins and that inbox's members get them. */
  inboxId: number | null;
}

export interface BusMessage {
  audience: Audience;
  envelope: RealtimeEnvelope;
}

/**
 * Carries events from the process that committed a change to every process holding sockets.
 * In-process by default; Redis pub/sub when REDIS_URL is set (see redis-bus.ts).
 */
export interface RealtimeBus {
  publish(message: BusMessage): Promise<void>;
  subscribe(handler: (message: BusMessage) => void): () => void;
  close(): Promise<void>;
}

export function createMemoryBus(): RealtimeBus {
  const emitter = new EventEmitter();
  emitter.setMaxListeners(0);
  return {
    async publish(message) {
      emitter.emit('message', message);
    },
    subscribe(handler) {
      emitter.on('message', handler);
      return () => emitter.off('message', handler);
    },
    async close() {
      emitter.removeAllListeners();
    },
  };
}
