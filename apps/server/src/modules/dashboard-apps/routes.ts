import { appUrlOrigin, type AppUrlRules } from '@bevatel/protocol';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { HttpError, invalid, notFound } from '../../lib/errors';
import { adminOnly } from '../../lib/route-guards';
import { AccountIdParams, AccountParams, MAX_DB_INTEGER } from '../../lib/schemas';
import { requireAdmin, requireMember } from '../../plugins/auth';
import { auditLogRoutes } from './audit-routes';
import { createApp, deleteApp, removeSecret, rotateSecret, updateApp } from './commands';
import { contextTokenClaims, signHs256 } from './context-token';
import { readCreateInput, readUpdateInput } from './input';
import { framesOf, presentDashboardApp } from './presenter';
import { findApp, findVisibleConversation, listApps } from './queries';
import { decryptAppSecret } from './secret';

const withId = { schema: { params: AccountIdParams } };
const adminWithId = { onRequest: adminOnly, schema: { params: AccountIdParams } };

/** The display id of a conversation: a JSON integer, or its digits as a string. */
function readConversationId(body: unknown): number {
  const fields =
    typeof body === 'object' && body !== null && !Array.isArray(body)
      ? (body as Record<string, unknown>)
      : {};
  const unknown = Object.keys(fields).find((key) => key !== 'conversation_id');
  if (unknown !== undefined) throw invalid(unknown, `${unknown} is not accepted here`);
  const given = fields.conversation_id;
  if (given === undefined || given === null) {
    throw invalid('conversation_id', 'conversation_id is required');
  }
  const n = typeof given === 'string' && /^\d{1,10}$/.test(given) ? Number(given) : given;
  if (typeof n !== 'number' || !Number.isInteger(n) || n < 1 || n > MAX_DB_INTEGER) {
    throw invalid('conversation_id', 'conversation_id must be a positive integer');
  }
  return n;
}

/**
 * `dashboard_apps` (Chatwoot's resource): members read, administrators write; signing secrets;
 * context tokens for the agent's own conversations; and the account's audit trail.
 */
export async function dashboardAppRoutes(scope: FastifyInstance): Promise<void> {
  const app = scope.withTypeProvider<TypeBoxTypeProvider>();

  /** The dashboard's own origins, which no app may use: the configured one and the one asked. */
  const urlRules = (request: FastifyRequest) => {
    const own = [app.config.publicUrl, `${request.protocol}://${request.host}`];
    const origins = [...new Set(own.map(appUrlOrigin).filter((o): o is string => o !== null))];
    return {
      dashboardOrigin: origins,
      allowedHttpHosts: app.config.allowedHttpAppHosts,
    } satisfies AppUrlRules;
  };

  async function loadApp(accountId: number, id: number) {
    const row = await findApp(app.db, accountId, id);
    if (!row) throw notFound('Dashboard app');
    return row;
  }

  app.get('/dashboard_apps', { schema: { params: AccountParams } }, async (request) => {
    const { account } = requireMember(request);
    return (await listApps(app.db, account.id)).map(presentDashboardApp);
  });

  // What the settings form checks before it submits: the rules the server applies.
  app.get(
    '/dashboard_apps/url_rules',
    { onRequest: adminOnly, schema: { params: AccountParams } },
    async (request) => {
      requireAdmin(request);
      const rules = urlRules(request);
      return {
        dashboard_origins: rules.dashboardOrigin,
        allowed_http_hosts: rules.allowedHttpHosts,
      };
    },
  );

  app.post(
    '/dashboard_apps',
    { onRequest: adminOnly, schema: { params: AccountParams } },
    async (request) => {
      const { account, user } = requireAdmin(request);
      const input = readCreateInput(request.body, urlRules(request));
      const row = await createApp(app.db, { accountId: account.id, userId: user.id }, input);
      return presentDashboardApp(row);
    },
  );

  app.get('/dashboard_apps/:id', withId, async (request) => {
    const { account } = requireMember(request);
    return presentDashboardApp(await loadApp(account.id, request.params.id));
  });

  for (const method of ['patch', 'put'] as const) {
    app[method]('/dashboard_apps/:id', adminWithId, async (request) => {
      const { account, user } = requireAdmin(request);
      const row = await loadApp(account.id, request.params.id);
      const input = readUpdateInput(request.body, urlRules(request));
      const actor = { accountId: account.id, userId: user.id };
      return presentDashboardApp(await updateApp(app.db, actor, row, input));
    });
  }

  app.delete('/dashboard_apps/:id', adminWithId, async (request, reply) => {
    const { account, user } = requireAdmin(request);
    const row = await loadApp(account.id, request.params.id);
    await deleteApp(app.db, { accountId: account.id, userId: user.id }, row);
    return reply.status(204).send();
  });

  app.post('/dashboard_apps/:id/secret', adminWithId, async (request, reply) => {
    const { account, user } = requireAdmin(request);
    const row = await loadApp(account.id, request.params.id);
    const actor = { accountId: account.id, userId: user.id };
    const secret = await rotateSecret(app.db, actor, row, app.config.secretKeyBase);
    reply.header('cache-control', 'no-store');
    return { secret };
  });

  app.delete('/dashboard_apps/:id/secret', adminWithId, async (request, reply) => {
    const { account, user } = requireAdmin(request);
    const row = await loadApp(account.id, request.params.id);
    await removeSecret(app.db, { accountId: account.id, userId: user.id }, row);
    return reply.status(204).send();
  });

  app.post('/dashboard_apps/:id/context_token', withId, async (request, reply) => {
    const { account, user, role } = requireMember(request);
    const row = await loadApp(account.id, request.params.id);
    const displayId = readConversationId(request.body);
    const conversation = await findVisibleConversation(app.db, account.id, displayId, {
      userId: user.id,
      role,
    });
    if (!conversation) throw notFound('Conversation');
    if (row.secret_ciphertext === null) {
      throw new HttpError('unprocessable_entity', 'This dashboard app has no signing secret');
    }
    const secret = decryptAppSecret(
      row.secret_ciphertext,
      { accountId: account.id, appId: row.id },
      app.config.secretKeyBase,
    );
    if (secret === null) {
      // SECRET_KEY_BASE changed since the secret was made: only a new secret helps.
      throw new HttpError(
        'unprocessable_entity',
        'The signing secret of this dashboard app cannot be read; an administrator must rotate it',
      );
    }
    const audience = appUrlOrigin(framesOf(row)[0]?.url ?? '');
    if (!audience) {
      throw new HttpError('unprocessable_entity', 'This dashboard app has no valid frame URL');
    }
    const claims = contextTokenClaims(
      {
        iss: app.config.publicUrl,
        aud: audience,
        sub: String(user.id),
        account_id: account.id,
        app_id: row.id,
        conversation_id: conversation.displayId,
        contact_id: conversation.contactId,
        inbox_id: conversation.inboxId,
        role,
      },
      Date.now(),
    );
    reply.header('cache-control', 'no-store');
    return { token: signHs256(claims, secret), expires_at: claims.exp };
  });

  await app.register(auditLogRoutes);
}
