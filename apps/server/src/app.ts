import cookie from '@fastify/cookie';
import Fastify, { type FastifyInstance, type FastifyServerOptions } from 'fastify';
import type { Config } from './config';
import type { DatabaseHandle } from './db/connect';
import { accountRoutes } from './modules/accounts';
import { agentRoutes } from './modules/agents';
import { attachmentFileRoutes, attachmentsPlugin } from './modules/attachments';
import { authRoutes, avatarRoutes, profileRoutes } from './modules/auth';
import { contactRoutes } from './modules/contacts';
import { conversationRoutes, snoozePlugin } from './modules/conversations';
import { notificationRoutes } from './modules/notifications';
import {
  appFrameOriginsOfUser,
  dashboardAppRoutes,
  installActingApp,
} from './modules/dashboard-apps';
import { inboxRoutes } from './modules/inboxes';
import { accountInvitationRoutes, invitationRoutes } from './modules/invitations';
import { accountPasswordResetRoutes, passwordResetRoutes } from './modules/password-resets';
import { mailerPlugin } from './plugins/mailer';
import { integrationRoutes } from './modules/integrations';
import { labelRoutes } from './modules/labels';
import { messageRoutes } from './modules/messages';
import { searchRoutes } from './modules/search';
import { teamRoutes } from './modules/teams';
import {
  agentTypingRoutes,
  authenticateVisitor,
  publicWidgetRoutes,
  widgetFileRoutes,
} from './modules/web-widget';
import { webhookRoutes, webhooksPlugin } from './modules/webhooks';
import { cannedResponseRoutes } from './modules/canned-responses';
import { customAttributeRoutes } from './modules/custom-attributes';
import { authPlugin, resolveCaller } from './plugins/auth';
import { configPlugin } from './plugins/config';
import { contractsPlugin } from './plugins/contracts';
import { dbPlugin } from './plugins/db';
import { developerPlugin } from './plugins/developer';
import { openApiPlugin } from './plugins/openapi';
import { apiReferencePlugin } from './plugins/api-reference';
import { errorsPlugin } from './plugins/errors';
import { lifecyclePlugin } from './plugins/lifecycle';
import { jsonBodyPlugin } from './plugins/json-body';
import { rateLimitsPlugin } from './plugins/rate-limits';
import { securityHeadersPlugin } from './plugins/security-headers';
import { outboundPlugin, type OutboundOptions } from './plugins/outbound';
import { installValidators } from './plugins/validation';
import { webPlugin } from './plugins/web';
import { realtimePlugin } from './realtime/plugin';

export interface BuildAppOptions {
  config: Config;
  database: DatabaseHandle;
  logger?: FastifyServerOptions['logger'];
  /** Overrides of the outbound client (tests: a local CA, a short deadline, a low budget). */
  outbound?: OutboundOptions;
  /** Check every JSON answer against its handler's value (tests; see plugins/contracts.ts). */
  verifyResponses?: boolean;
}

const ACCOUNT_MODULES = [
  accountRoutes,
  agentRoutes,
  accountInvitationRoutes,
  accountPasswordResetRoutes,
  inboxRoutes,
  teamRoutes,
  contactRoutes,
  labelRoutes,
  conversationRoutes,
  messageRoutes,
  agentTypingRoutes,
  dashboardAppRoutes,
  integrationRoutes,
  searchRoutes,
  webhookRoutes,
  cannedResponseRoutes,
  customAttributeRoutes,
  notificationRoutes,
];

/** Builds the whole server without listening: tests drive it with `app.inject`. */
export async function buildApp({
  config,
  database,
  logger = false,
  outbound = {},
  verifyResponses = false,
}: BuildAppOptions): Promise<FastifyInstance> {
  const app = Fastify({
    logger,
    bodyLimit: 1024 * 1024,
    // Forwarded headers only from the proxies the operator names (TRUST_PROXY).
    trustProxy: config.trustProxy.length > 0 ? config.trustProxy : false,
    // Chatwoot answers `POST …/inboxes/` as `POST …/inboxes`; its clients rely on that.
    routerOptions: { maxParamLength: 200, ignoreTrailingSlash: true },
    // The lifecycle plugin answers requests during shutdown in the product's error shape.
    return503OnClosing: false,
  });
  installValidators(app);
  // First, so it sees every route registered after it.
  await app.register(contractsPlugin, { verifyResponses });
  // Before the routes too: the OpenAPI description is generated from their schemas.
  await app.register(openApiPlugin, { publicUrl: config.publicUrl });

  await app.register(errorsPlugin);
  await app.register(jsonBodyPlugin);
  await app.register(configPlugin, { config });
  await app.register(dbPlugin, { database });
  await app.register(lifecyclePlugin);
  await app.register(securityHeadersPlugin);
  await app.register(cookie);
  await app.register(authPlugin);
  await app.register(rateLimitsPlugin, {
    redisUrl: config.redisUrl,
    namespace: config.redisChannel,
  });
  // After the rate limits: the request proxy's per-app budget is one of them (Redis-backed too).
  await app.register(mailerPlugin, { smtp: config.smtp });
  await app.register(outboundPlugin, { ...outbound, privateHosts: config.outboundPrivateHosts });
  // The outbox's dispatcher: stops claiming at shutdown before the database is closed.
  await app.register(webhooksPlugin);
  await app.register(attachmentsPlugin);
  await app.register(realtimePlugin, {
    redisUrl: config.redisUrl,
    redisChannel: config.redisChannel,
    outbox: config.realtimeBuffer,
    presence: config.presence,
    authenticateVisitor: (request) => authenticateVisitor(app, request),
  });
  await app.register(snoozePlugin);

  await app.register(authRoutes);
  await app.register(profileRoutes);
  await app.register(avatarRoutes);
  await app.register(invitationRoutes);
  await app.register(passwordResetRoutes);
  // Signed links: no session, the link is the credential (modules/attachments/routes.ts).
  await app.register(attachmentFileRoutes);
  // The website widget's visitors: no session, the path's keys are their credentials.
  await app.register(publicWidgetRoutes, { prefix: '/public/api/v1' });
  await app.register(
    async (scope) => {
      // Who is asking and for which account, before any input is looked at.
      scope.addHook('onRequest', async (request) => resolveCaller(request));
      // Writes a dashboard app makes through the host: its permission, checked again here.
      installActingApp(scope, app);
      for (const routes of ACCOUNT_MODULES) await scope.register(routes);
    },
    { prefix: '/api/v1/accounts/:account_id' },
  );
  await app.register(developerPlugin, {
    sdkDir: config.sdkDir,
    docsDir: config.docsDir,
    publicUrl: config.publicUrl,
  });
  await app.register(apiReferencePlugin);
  if (config.widgetDist) await app.register(widgetFileRoutes, { root: config.widgetDist });
  if (config.webDist) {
    await app.register(webPlugin, {
      root: config.webDist,
      frameOriginsOf: (userId) => appFrameOriginsOfUser(app.db, userId),
    });
  }
  return app;
}
