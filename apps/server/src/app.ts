import cookie from '@fastify/cookie';
import rateLimit from '@fastify/rate-limit';
import Fastify, { type FastifyInstance, type FastifyServerOptions } from 'fastify';
import type { Config } from './config';
import type { DatabaseHandle } from './db/connect';
import { accountRoutes } from './modules/accounts/routes';
import { agentRoutes } from './modules/agents/routes';
import { authRoutes } from './modules/auth/routes';
import { contactRoutes } from './modules/contacts/routes';
import { conversationRoutes } from './modules/conversations/routes';
import { dashboardAppRoutes } from './modules/dashboard-apps/routes';
import { inboxRoutes } from './modules/inboxes/routes';
import { labelRoutes } from './modules/labels/routes';
import { messageRoutes } from './modules/messages/routes';
import { teamRoutes } from './modules/teams/routes';
import { authPlugin, loadMembership } from './plugins/auth';
import { configPlugin } from './plugins/config';
import { dbPlugin } from './plugins/db';
import { errorsPlugin } from './plugins/errors';
import { installValidators } from './plugins/validation';
import { webPlugin } from './plugins/web';
import { realtimePlugin } from './realtime/plugin';

export interface BuildAppOptions {
  config: Config;
  database: DatabaseHandle;
  logger?: FastifyServerOptions['logger'];
}

const ACCOUNT_MODULES = [
  accountRoutes,
  agentRoutes,
  inboxRoutes,
  teamRoutes,
  contactRoutes,
  labelRoutes,
  conversationRoutes,
  messageRoutes,
  dashboardAppRoutes,
];

/** Builds the whole server without listening: tests drive it with `app.inject`. */
export async function buildApp({
  config,
  database,
  logger = false,
}: BuildAppOptions): Promise<FastifyInstance> {
  const app = Fastify({
    logger,
    bodyLimit: 1024 * 1024,
    trustProxy: true,
    routerOptions: { maxParamLength: 200 },
  });
  installValidators(app);

  await app.register(errorsPlugin);
  await app.register(configPlugin, { config });
  await app.register(dbPlugin, { database });
  await app.register(cookie);
  await app.register(rateLimit, { global: false });
  await app.register(authPlugin);
  await app.register(realtimePlugin, {
    redisUrl: config.redisUrl,
    redisChannel: config.redisChannel,
  });

  app.get('/health', async () => ({ status: 'ok' }));
  await app.register(authRoutes);
  await app.register(
    async (scope) => {
      // Who is asking and for which account, before any input is looked at.
      scope.addHook('onRequest', async (request) => loadMembership(app, request));
      for (const routes of ACCOUNT_MODULES) await scope.register(routes);
    },
    { prefix: '/api/v1/accounts/:account_id' },
  );
  if (config.webDist) await app.register(webPlugin, { root: config.webDist });
  return app;
}
