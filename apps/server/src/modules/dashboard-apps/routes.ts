import { appUrlOrigin, type AppUrlRules, type ContextTokenClaims } from '@bevatel/protocol';
import {
  AppRequestResultSchema,
  AppSecretSchema,
  ContextTokenSchema,
  DashboardAppListSchema,
  DashboardAppManifestSchema,
  DashboardAppSchema,
  NoContent,
  ok,
  UrlCheckResultSchema,
  UrlRulesSchema,
} from '@bevatel/protocol/schemas';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { HttpError, notFound } from '../../lib/errors';
import { adminOnly } from '../../lib/route-guards';
import { AccountIdParams, AccountParams } from '../../lib/schemas';
import { findContact } from '../contacts';
import type { Caller } from '../../core/caller';
import { runCommand } from '../../core/commands';
import { findVisibleConversation } from '../../core/visibility';
import { requireAdmin, requireMember } from '../../plugins/auth';
import { perUser } from '../../plugins/rate-limits';
import { auditLogRoutes } from './audit-routes';
import {
  createApp,
  deleteApp,
  removeSecret,
  reorderApps,
  rotateSecret,
  updateApp,
} from './commands';
import { contextTokenClaims, contextTokenIssuer, signHs256 } from './context-token';
import { readCreateInput, readUpdateInput, type DashboardAppInput } from './input';
import { manifestOf, readManifestInstall } from './manifest';
import { readAppOrder } from './order-input';
import { framesOf, locationsOf, presentDashboardApp } from './presenter';
import { proxyAppRequest, readProxyCall } from './request-proxy';
import { readTokenPlace } from './token-request';
import {
  appAppearsFor,
  appAppearsInInbox,
  checkVisibilityTargets,
  loadAppViewer,
} from './visibility';
import { findApp, listApps } from './queries';
import { decryptAppSecret } from './secret';
import { checkAppUrl, readUrlCheck } from './url-check';

const URL_CHECKS_PER_MINUTE = 30;
/** A member's route under `…/dashboard_apps/:id` answering `response`. */
const withId = <R>(response: R) => ({ schema: { params: AccountIdParams, response } });
const adminWithId = <R>(response: R) => ({ onRequest: adminOnly, ...withId(response) });
/** An administrator's route under `…/dashboard_apps` answering `response`. */
const adminRoute = <R>(response: R) => ({
  onRequest: adminOnly,
  schema: { params: AccountParams, response },
});

/**
 * `dashboard_apps` (Chatwoot's resource): members read the apps visible to them,
 * administrators every app and all writes (order, manifests); signing secrets; context tokens
 * only where the app appears for the agent; and the account's audit trail.
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

  /**
   * The caller's apps: administrators get every app (settings lists them all, each with whether
   * its rule shows it to them); agents only the enabled apps their rule lets them see.
   */
  const list = { schema: { params: AccountParams, response: ok(DashboardAppListSchema) } };
  app.get('/dashboard_apps', list, async (request) => {
    const caller = requireMember(request);
    const { account, role } = caller;
    const viewer = await loadAppViewer(app.db, caller);
    const rows = await listApps(app.db, account.id);
    return rows.flatMap((row) => {
      const visible = appAppearsFor(row, viewer);
      if (role !== 'administrator' && !visible) return [];
      return [presentDashboardApp(row, visible)];
    });
  });

  // What the settings form checks before it submits: the rules the server applies.
  app.get('/dashboard_apps/url_rules', adminRoute(ok(UrlRulesSchema)), async (request) => {
    requireAdmin(request);
    const rules = urlRules(request);
    return {
      dashboard_origins: rules.dashboardOrigin,
      allowed_http_hosts: rules.allowedHttpHosts,
    };
  });

  // Each check is a request out of the server: a budget per administrator.
  const urlCheckBudget = app.createRateLimit({
    max: URL_CHECKS_PER_MINUTE,
    timeWindow: '1 minute',
    keyGenerator: (request) => `url-check:${perUser(request)}`,
  });

  /** Whether an app URL answers and lets the dashboard frame it (the settings page warns). */
  app.post(
    '/dashboard_apps/url_check',
    adminRoute(ok(UrlCheckResultSchema)),
    async (request, reply) => {
      requireAdmin(request);
      const url = readUrlCheck(request.body, urlRules(request));
      const budget = await urlCheckBudget(request);
      if (!budget.isAllowed && budget.isExceeded) {
        reply.header('retry-after', String(budget.ttlInSeconds));
        throw new HttpError(
          'too_many_requests',
          `At most ${URL_CHECKS_PER_MINUTE} URL checks a minute; wait and retry`,
        );
      }
      return checkAppUrl(app, url, new URL(app.config.publicUrl).origin);
    },
  );

  app.post('/dashboard_apps', adminRoute(ok(DashboardAppSchema)), async (request) => {
    const input = readCreateInput(request.body, urlRules(request));
    return presentDashboardApp(await create(requireAdmin(request), input));
  });

  async function create(caller: Caller, input: DashboardAppInput) {
    await checkVisibilityTargets(app.db, caller.accountId, input.visibility);
    const { result } = await runCommand(app, (tx) =>
      createApp(tx, caller, input, app.config.secretKeyBase),
    );
    return result;
  }

  /** Installs an app from its manifest (the dashboard showed the consent screen first). */
  app.post('/dashboard_apps/manifest', adminRoute(ok(DashboardAppSchema)), async (request) => {
    const input = readManifestInstall(request.body, urlRules(request));
    return presentDashboardApp(await create(requireAdmin(request), input));
  });

  /** The order of tabs, panels and navigation entries: `{ids}` lists every app once. */
  app.put('/dashboard_apps/order', adminRoute(ok(DashboardAppListSchema)), async (request) => {
    const caller = requireAdmin(request);
    const { account } = caller;
    const rows = await listApps(app.db, account.id);
    const ids = readAppOrder(
      request.body,
      rows.map((row) => row.id),
    );
    await runCommand(app, (tx) => reorderApps(tx, caller, rows, ids));
    return (await listApps(app.db, account.id)).map((row) => presentDashboardApp(row));
  });

  app.get('/dashboard_apps/:id', withId(ok(DashboardAppSchema)), async (request) => {
    const caller = requireMember(request);
    const { account, role } = caller;
    const row = await loadApp(account.id, request.params.id);
    const visible = appAppearsFor(row, await loadAppViewer(app.db, caller));
    // An agent cannot tell an app hidden from them from one that does not exist.
    if (role !== 'administrator' && !visible) throw notFound('Dashboard app');
    return presentDashboardApp(row, visible);
  });

  app.get(
    '/dashboard_apps/:id/manifest',
    adminWithId(ok(DashboardAppManifestSchema)),
    async (request, reply) => {
      const { account } = requireAdmin(request);
      const row = await loadApp(account.id, request.params.id);
      reply.header('content-disposition', `attachment; filename="dashboard-app-${row.id}.json"`);
      return manifestOf(row);
    },
  );

  for (const method of ['patch', 'put'] as const) {
    app[method]('/dashboard_apps/:id', adminWithId(ok(DashboardAppSchema)), async (request) => {
      const caller = requireAdmin(request);
      const { account } = caller;
      const row = await loadApp(account.id, request.params.id);
      const input = readUpdateInput(request.body, urlRules(request));
      if (input.visibility) await checkVisibilityTargets(app.db, account.id, input.visibility);
      const { result: updated } = await runCommand(app, (tx) =>
        updateApp(tx, caller, row, input, app.config.secretKeyBase),
      );
      return presentDashboardApp(updated);
    });
  }

  app.delete('/dashboard_apps/:id', adminWithId(NoContent), async (request, reply) => {
    const caller = requireAdmin(request);
    const { account } = caller;
    const row = await loadApp(account.id, request.params.id);
    await runCommand(app, (tx) => deleteApp(tx, caller, row));
    return reply.status(204).send(null);
  });

  app.post(
    '/dashboard_apps/:id/secret',
    adminWithId(ok(AppSecretSchema)),
    async (request, reply) => {
      const caller = requireAdmin(request);
      const { account } = caller;
      const row = await loadApp(account.id, request.params.id);
      const { result: secret } = await runCommand(app, (tx) =>
        rotateSecret(tx, caller, row, app.config.secretKeyBase),
      );
      reply.header('cache-control', 'no-store');
      return { secret };
    },
  );

  app.delete('/dashboard_apps/:id/secret', adminWithId(NoContent), async (request, reply) => {
    const caller = requireAdmin(request);
    const { account } = caller;
    const row = await loadApp(account.id, request.params.id);
    await runCommand(app, (tx) => removeSecret(tx, caller, row));
    return reply.status(204).send(null);
  });

  /**
   * A signed context for where the app is shown, minted only where it appears for the caller:
   * enabled, allowed by its rule, configured for that location and, beside a conversation, one
   * the agent may see in an inbox the app is shown in. Anything else is "not found".
   */
  app.post(
    '/dashboard_apps/:id/context_token',
    withId(ok(ContextTokenSchema)),
    async (request, reply) => {
      const caller = requireMember(request);
      const { account, user, role } = caller;
      const row = await loadApp(account.id, request.params.id);
      const place = readTokenPlace(request.body);
      const viewer = await loadAppViewer(app.db, caller);
      if (!appAppearsFor(row, viewer)) throw notFound('Dashboard app');
      if (!locationsOf(row).includes(place.location)) {
        throw new HttpError(
          'unprocessable_entity',
          `This dashboard app is not shown in ${place.location}`,
          'location',
        );
      }
      let subject: Pick<ContextTokenClaims, 'conversation_id' | 'contact_id' | 'inbox_id'>;
      if ('conversationId' in place) {
        const conversation = await findVisibleConversation(app.db, caller, place.conversationId);
        if (!appAppearsInInbox(row, viewer, conversation.inbox_id)) throw notFound('Dashboard app');
        subject = {
          conversation_id: conversation.display_id,
          contact_id: conversation.contact_id,
          inbox_id: conversation.inbox_id,
        };
      } else if ('contactId' in place) {
        const contact = await findContact(app.db, account.id, place.contactId);
        if (!contact) throw notFound('Contact');
        subject = { conversation_id: null, contact_id: contact.id, inbox_id: null };
      } else {
        subject = { conversation_id: null, contact_id: null, inbox_id: null };
      }
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
          iss: contextTokenIssuer(app.config.publicUrl),
          aud: audience,
          sub: String(user.id),
          account_id: account.id,
          app_id: row.id,
          ...subject,
          role,
          location: place.location,
        },
        Date.now(),
      );
      reply.header('cache-control', 'no-store');
      return { token: signHs256(claims, secret), expires_at: claims.exp };
    },
  );

  /** The level-2 `request` method, made by the server (request-proxy.ts). */
  app.post(
    '/dashboard_apps/:id/request',
    withId(ok(AppRequestResultSchema)),
    async (request, reply) => {
      const caller = requireMember(request);
      const row = await loadApp(caller.accountId, request.params.id);
      const call = readProxyCall(request.body);
      const viewer = await loadAppViewer(app.db, caller);
      if (!appAppearsFor(row, viewer)) throw notFound('Dashboard app');
      if (call.conversationId !== null) {
        const conversation = await findVisibleConversation(app.db, caller, call.conversationId);
        if (!appAppearsInInbox(row, viewer, conversation.inbox_id)) throw notFound('Dashboard app');
      }
      reply.header('cache-control', 'no-store');
      return proxyAppRequest(app, request, row, call, caller);
    },
  );

  await app.register(auditLogRoutes);
}
