import type { RealtimeEvent } from '@bevatel/protocol';
import type { FastifyBaseLogger } from 'fastify';
import type { Audience, EnvelopeDraft, RealtimeBus } from './bus';

/** What commands call after their transaction commits. */
export interface RealtimePublisher {
  /** Never rejects: the change is committed already, a lost event must not turn into a 500. */
  publish(audience: Audience, event: RealtimeEvent): Promise<void>;
  /**
   * Call after inbox members, roles or account members change (userId null: anyone in the
   * account), so every process re-reads who may see which inbox before the next event.
   */
  membershipChanged(accountId: number, userId?: number | null): Promise<void>;
}

export function createPublisher(bus: RealtimeBus, log?: FastifyBaseLogger): RealtimePublisher {
  return {
    async publish(audience, event) {
      const draft = { ...event, account_id: audience.accountId, ts: Date.now() } as EnvelopeDraft;
      try {
        await bus.publish({ audience, draft });
      } catch (error) {
        log?.error({ err: error, event: event.event }, 'realtime event lost: bus publish failed');
      }
    },
    async membershipChanged(accountId, userId = null) {
      try {
        await bus.signal({ kind: 'membership', accountId, userId });
      } catch (error) {
        log?.error({ err: error, accountId }, 'realtime membership signal lost');
      }
    },
  };
}
