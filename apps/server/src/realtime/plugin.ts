import websocket from '@fastify/websocket';
import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import { createMemoryBus, type RealtimeBus } from './bus';
import { registerGateway, type VisitorAuthenticator } from './gateway';
import { DEFAULT_HUB_OPTIONS, RealtimeHub, type HubOptions } from './hub';
import { DEFAULT_OUTBOX_OPTIONS, type OutboxOptions } from './outbox';
import { createPublisher, type RealtimePublisher } from './publisher';
import { DEFAULT_PRESENCE_OPTIONS, PresenceTracker, type PresenceOptions } from './presence';
import { createRedisBus } from './redis-bus';

declare module 'fastify' {
  interface FastifyInstance {
    realtime: RealtimePublisher;
    realtimeBus: RealtimeBus;
    realtimeHub: RealtimeHub;
    presence: PresenceTracker;
  }
}

export interface RealtimePluginOptions {
  /** Redis pub/sub between server processes; null for the in-process bus. */
  redisUrl: string | null;
  /** Redis channel prefix (tests and benchmarks isolate themselves with their own). */
  redisChannel?: string;
  hub?: Partial<HubOptions>;
  /** Bounds of what is held while Redis is away (REALTIME_BUFFER_EVENTS / _BYTES). */
  outbox?: Partial<OutboxOptions>;
  /** Accepts website visitors' sockets (the web widget module; none without it). */
  authenticateVisitor?: VisitorAuthenticator;
  /** Auto-offline grace period and heartbeat (AUTO_OFFLINE_GRACE_SECONDS). */
  presence?: Partial<PresenceOptions>;
}

/** How long shutdown waits for clients to acknowledge the close before cutting them off. */
const CLOSE_GRACE_MS = 1000;
/** How long shutdown waits for queued events to reach the bus. */
const FLUSH_GRACE_MS = 1000;

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
    const publisher = createPublisher(bus, app.log, {
      ...DEFAULT_OUTBOX_OPTIONS,
      ...options.outbox,
    });
    app.decorate('realtime', publisher);
    // Back from an outage: send what was held at once, not at the end of a retry wait.
    const stopRetrying = bus.onLink((live) => live && publisher.retryNow());

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
    const presence = new PresenceTracker(
      app.db,
      publisher,
      { ...DEFAULT_PRESENCE_OPTIONS, ...options.presence },
      app.log,
    );
    app.decorate('presence', presence);
    registerGateway(app, hub, options.authenticateVisitor ?? (async () => null), presence);
    hub.start(bus);
    presence.start();
    // Before the database closes: this process's sockets are going with it.
    app.addHook('preClose', () => presence.stop());
    app.addHook('onClose', async () => {
      hub.stop();
      stopRetrying();
      await publisher.close(FLUSH_GRACE_MS);
      await bus.close();
    });
  },
  { name: 'realtime' },
);
