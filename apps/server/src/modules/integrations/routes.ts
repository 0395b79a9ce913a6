/**
 * Chatwoot's `GET integrations/apps`: the account's integrations, so clients that discover
 * apps that way find the dashboard apps too. Only what this product has is listed; the entry
 * of Dashboard Apps carries (additively) the apps the caller sees, as `dashboard_apps` does.
 */
import type { DashboardApp } from '@bevatel/protocol';
import { IntegrationAppListSchema, IntegrationAppSchema, ok } from '@bevatel/protocol/schemas';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import { notFound } from '../../lib/errors';
import { AccountParams, Id } from '../../lib/schemas';
import type { Caller } from '../../core/caller';
import { requireMember } from '../../plugins/auth';
import { presentDashboardApp } from '../dashboard-apps';
import { listApps } from '../dashboard-apps';
import { appAppearsFor, loadAppViewer } from '../dashboard-apps';

/** One integration, in Chatwoot's field names. */
export interface IntegrationApp {
  id: string;
  name: string;
  description: string;
  hook_type: 'account' | 'inbox';
  enabled: boolean;
  allow_multiple_hooks: boolean;
  /** Where an administrator configures it in the dashboard. */
  action: string;
  hooks: never[];
  /** Additive: the dashboard apps the caller sees. */
  dashboard_apps: DashboardApp[];
}

const IntegrationParams = Type.Object(
  { account_id: Id(), id: Type.String({ minLength: 1, maxLength: 64 }) },
  { additionalProperties: false },
);

export async function integrationRoutes(scope: FastifyInstance): Promise<void> {
  const app = scope.withTypeProvider<TypeBoxTypeProvider>();

  async function integrations(caller: Caller): Promise<IntegrationApp[]> {
    const accountId = caller.accountId;
    const appViewer = await loadAppViewer(app.db, caller);
    const apps = (await listApps(app.db, accountId)).filter((row) => appAppearsFor(row, appViewer));
    return [
      {
        id: 'dashboard_apps',
        name: 'Dashboard Apps',
        description:
          'Embed your own applications in the dashboard: beside a conversation, on the contact page or as a page of their own.',
        hook_type: 'account',
        enabled: apps.length > 0,
        allow_multiple_hooks: true,
        action: `/app/accounts/${accountId}/settings/integrations/dashboard_apps`,
        hooks: [],
        dashboard_apps: apps.map((row) => presentDashboardApp(row)),
      },
    ];
  }

  const list = { params: AccountParams, response: ok(IntegrationAppListSchema) };
  app.get('/integrations/apps', { schema: list }, async (request) => {
    return { payload: await integrations(requireMember(request)) };
  });

  app.get(
    '/integrations/apps/:id',
    { schema: { params: IntegrationParams, response: ok(IntegrationAppSchema) } },
    async (request) => {
      const found = (await integrations(requireMember(request))).find(
        (item) => item.id === request.params.id,
      );
      if (!found) throw notFound('Integration');
      return found;
    },
  );
}
