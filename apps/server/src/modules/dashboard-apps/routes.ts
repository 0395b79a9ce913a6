import { appUrlOrigin, type AppUrlRules } from '@bevatel/protocol';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { HttpError, invalid, notFound } from '../../lib/errors';
import { requireAdmin, requireMember } from '../../plugins/auth';
import { auditLogRoutes } from './audit-routes';
import { createApp, deleteApp, removeSecret, rotateSecret, updateApp } from './commands';
import { contextTokenClaims, signHs256 } from './context-token';
import { readCreateInput, readUpdateInput } from './input';
import { framesOf, presentDashboardApp } from './presenter';
import { findApp, findVisibleConversation, listApps } from './queries';
import { decryptAppSecret } from './secret';

function idParam(request: FastifyRequest): number {
  const raw = (request.params as { id?: string }).id ?? '';
  if (!/^\d{1,10}$/.test(raw)) throw notFound('Dashboard app');
  return Number(raw);
}

function positiveInteger(value: unknown, field: string): number {
  const n = typeof value === 'string' && /^\d{1,10}$/.test(value) ? Number(value) : value;
  if (typeof n !== 'number' || !Number.isSafeInteger(n) || n < 1) {
    throw invalid(field, `${field} must be a positive integer`);
  }
  return n;
}

export async function dashboardAppRoutes(app: FastifyInstance): Promise<void> {
  /** The dashboard's own origins, which no app may use: the configured one and the one asked. */
  const urlRules = (request: FastifyRequest) => {
    const own = [app.config.publicUrl, `${request.protocol}://${request.host}`];
    const origins = [...new Set(own.map(appUrlOrigin).filter((o): o is string => o !== null))];
    return {
      dashboardOrigin: origins,
      allowedHttpHosts: app.config.allowedHttpAppHosts,
    } satisfies AppUrlRules;
  };

  async function loadApp(request: FastifyRequest, accountId: number) {
    const row = await findApp(app.db, accountId, idParam(request));
    if (!row) throw notFound('Dashboard app');
    return row;
  }

  app.get('/dashboard_apps', async (request) => {
    const { account } = requireMember(request);
    return (await listApps(app.db, account.id)).map(presentDashboardApp);
  });

  // What the settings form checks before it submits; the same rules the server applies.
  app.get('/dashboard_apps/url_rules', async (request) => {
    requireAdmin(request);
    const rules = urlRules(request);
    return {
      dashboard_origins: rules.dashboardOrigin,
      allowed_http_hosts: rules.allowedHttpHosts,
    };
  });

  app.post('/dashboard_apps', async (request) => {
    const { account, user } = requireAdmin(request);
    const input = readCreateInput(request.body, urlRules(request));
    const row = await createApp(app.db, { accountId: account.id, userId: user.id }, input);
    return presentDashboardApp(row);
  });

  app.get('/dashboard_apps/:id', async (request) => {
    const { account } = requireMember(request);
    return presentDashboardApp(await loadApp(request, account.id));
  });

  const update = async (request: FastifyRequest) => {
    const { account, user } = requireAdmin(request);
    const row = await loadApp(request, account.id);
    const input = readUpdateInput(request.body, urlRules(request));
    const updated = await updateApp(app.db, { accountId: account.id, userId: user.id }, row, input);
    return presentDashboardApp(updated);
  };
  app.patch('/dashboard_apps/:id', update);
  app.put('/dashboard_apps/:id', update);

  app.delete('/dashboard_apps/:id', async (request, reply) => {
    const { account, user } = requireAdmin(request);
    const row = await loadApp(request, account.id);
    await deleteApp(app.db, { accountId: account.id, userId: user.id }, row);
    return reply.status(204).send();
  });

  app.post('/dashboard_apps/:id/secret', async (request, reply) => {
    const { account, user } = requireAdmin(request);
    const row = await loadApp(request, account.id);
    const secret = await rotateSecret(
      app.db,
      { accountId: account.id, userId: user.id },
      row,
      app.config.secretKeyBase,
    );
    reply.header('cache-control', 'no-store');
    return { secret };
  });

  app.delete('/dashboard_apps/:id/secret', async (request, reply) => {
    const { account, user } = requireAdmin(request);
    const row = await loadApp(request, account.id);
    await removeSecret(app.db, { accountId: account.id, userId: user.id }, row);
    return reply.status(204).send();
  });

  app.post('/dashboard_apps/:id/context_token', async (request, reply) => {
    const { account, user, role } = requireMember(request);
    const row = await loadApp(request, account.id);
    const body: unknown = request.body;
    const given =
      typeof body === 'object' && body !== null && !Array.isArray(body)
        ? (body as { conversation_id?: unknown }).conversation_id
        : undefined;
    if (given === undefined || given === null) {
      throw invalid('conversation_id', 'conversation_id is required');
    }
    const displayId = positiveInteger(given, 'conversation_id');
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
