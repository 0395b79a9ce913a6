import type { RealtimeEvent } from '@bevatel/protocol';
import type { Audience, RealtimeBus } from './bus';

/** What commands call after their transaction commits. */
export interface RealtimePublisher {
  publish(audience: Audience, event: RealtimeEvent): Promise<void>;
}

let sequence = 0;

export function createPublisher(bus: RealtimeBus): RealtimePublisher {
  return {
    async publish(audience, event) {
      sequence += 1;
      await bus.publish({
        audience,
        envelope: { ...event, account_id: audience.accountId, id: sequence, ts: Date.now() },
      } as Parameters<RealtimeBus['publish']>[0]);
    },
  };
}
