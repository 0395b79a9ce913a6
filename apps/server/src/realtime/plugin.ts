import websocket from '@fastify/websocket';
import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import { createMemoryBus, type RealtimeBus } from './bus';
import { registerGateway } from './gateway';
import { DEFAULT_HUB_OPTIONS, RealtimeHub, type HubOptions } from './hub';
import { createPublisher, type RealtimePublisher } from './publisher';
import { createRedisBus } from './redis-bus';

declare module 'fastify' {
  interface FastifyInstance {
    realtime: RealtimePublisher;
    realtimeBus: RealtimeBus;
    realtimeHub: RealtimeHub;
  }
}

export interface RealtimePluginOptions {
  /** Redis pub/sub between server processes; null for the in-process bus. */
  redisUrl: string | null;
  /** Redis channel prefix (tests and benchmarks isolate themselves with their own). */
  redisChannel?: string;
  hub?: Partial<HubOptions>;
}

/** How long shutdown waits for clients to acknowledge the close before cutting them off. */
const CLOSE_GRACE_MS = 1000;

/**
 * Realtime: the bus (in-process, or Redis when redisUrl is set), the publisher commands call
 * after commit (`app.realtime.publish(audience, event)`), and the WebSocket gateway at /cable.
 */
export const realtimePlugin = fp(
  async (app: FastifyInstance, options: RealtimePluginOptions) => {
    const bus = options.redisUrl
      ? await createRedisBus({ url: options.redisUrl, channel: options.redisChannel, log: app.log })
      : createMemoryBus();
    app.decorate('realtimeBus', bus);
    app.decorate('realtime', createPublisher(bus, app.log));

    const hub = new RealtimeHub(app.db, { ...DEFAULT_HUB_OPTIONS, ...options.hub }, app.log);
    app.decorate('realtimeHub', hub);

    await app.register(websocket, {
      // Clients only send small control frames.
      options: { maxPayload: 4096 },
      // Unclean disconnects (ECONNRESET and the like) are routine for sockets.
      errorHandler: (error, socket, request) => {
        request.log.debug({ err: error }, 'realtime socket error');
        socket.terminate();
      },
      // Tell clients this is a restart (1012) so they reconnect, then cut off the stragglers.
      preClose: async () => {
        hub.stop();
        const wss = app.websocketServer;
        const clients = [...wss.clients];
        for (const client of clients) client.close(1012, 'server restarting');
        const deadline = Date.now() + CLOSE_GRACE_MS;
        while (Date.now() < deadline && clients.some((c) => c.readyState !== c.CLOSED)) {
          await new Promise((resolve) => setTimeout(resolve, 20));
        }
        for (const client of clients) if (client.readyState !== client.CLOSED) client.terminate();
        await new Promise<void>((resolve) => wss.close(() => resolve()));
      },
    });
    // An upgrade refused by a hook that ran before the websocket plugin's own (the auth
    // plugin's, for a bad api_access_token header) would leave its socket open for ever.
    app.addHook('onResponse', async (request) => {
      if ((request.raw as { upgrade?: boolean }).upgrade) request.raw.socket.destroy();
    });
    registerGateway(app, hub);
    hub.start(bus);
    app.addHook('onClose', async () => {
      hub.stop();
      await bus.close();
    });
  },
  { name: 'realtime' },
);
