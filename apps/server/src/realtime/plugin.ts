import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';

/** Realtime bus and WebSocket gateway; filled in by the realtime owner. */
export const realtimePlugin = fp(
  async (_app: FastifyInstance, _options: { redisUrl: string | null }) => {},
);
