/**
 * Runs this process's webhook dispatcher from `ready` to shutdown. With several processes each
 * runs one (claims keep them apart); SQLite runs a single process.
 */
import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import { webhookPolicy } from './attempt';
import { WebhookDispatcher } from './dispatcher';

declare module 'fastify' {
  interface FastifyInstance {
    webhookDispatcher: WebhookDispatcher;
  }
}

/** How long shutdown waits for deliveries in flight (they are retried later if cut off). */
const STOP_GRACE_MS = 2000;

export const webhooksPlugin = fp(
  async (app: FastifyInstance) => {
    const settings = app.config.webhooks;
    const dispatcher = new WebhookDispatcher({
      db: app.db,
      dialect: app.dialect,
      policy: webhookPolicy(app.outbound.policy, settings.timeoutMs),
      secretKeyBase: app.config.secretKeyBase,
      settings,
      log: app.log,
    });
    app.decorate('webhookDispatcher', dispatcher);
    app.addHook('onReady', async () => dispatcher.start());
    app.addHook('preClose', async () => dispatcher.stop(STOP_GRACE_MS));
  },
  { name: 'webhooks', dependencies: ['outbound'] },
);
