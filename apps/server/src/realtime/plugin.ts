import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import { createMemoryBus, type RealtimeBus } from './bus';
import { createPublisher, type RealtimePublisher } from './publisher';

declare module 'fastify' {
  interface FastifyInstance {
    realtime: RealtimePublisher;
    realtimeBus: RealtimeBus;
  }
}

/**
 * Realtime bus and publisher. The WebSocket gateway and the Redis bus are added by the realtime
 * module's owner; commands only ever use `app.realtime.publish(audience, event)` after commit.
 */
export const realtimePlugin = fp(
  async (app: FastifyInstance, _options: { redisUrl: string | null }) => {
    const bus = createMemoryBus();
    app.decorate('realtimeBus', bus);
    app.decorate('realtime', createPublisher(bus));
    app.addHook('onClose', async () => bus.close());
  },
);
