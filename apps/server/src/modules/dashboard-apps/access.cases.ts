import {
  ACCOUNT,
  adminsOnly,
  anyMember,
  apiInboxMembers,
  nobody,
  type AccessCase,
} from '../../test/access';
import { insertConversation } from '../../test/factories';
import { insertDashboardApp } from './test-support';

const APPS = `${ACCOUNT}/dashboard_apps`;
const APP = `${APPS}/:id`;
const VALID = { title: 'Matrix', content: [{ type: 'frame', url: 'https://orders.example.com' }] };
const MANIFEST = {
  manifest_version: 1,
  name: 'Matrix',
  url: 'https://orders.example.com/{{contact.id}}',
};

const freshApp: AccessCase['input'] = async ({ app, world }) => ({
  params: { id: (await insertDashboardApp(app, world.accountId)).id },
});
const theirApp: AccessCase['input'] = async ({ app, world }) => ({
  params: { id: (await insertDashboardApp(app, world.otherAccountId)).id },
});
/** Writes to another account's app: agents are refused as agents first, admins find nothing. */
const theirsForWriters = { anonymous: 401, agent: 403, outsider: 403, admin: 404, stranger: 404 };

/** A signed app and a conversation of the API inbox (the agent's, not the outsider's). */
const tokenRequest: AccessCase['input'] = async ({ app, world }) => {
  const { id } = await insertDashboardApp(app, world.accountId, { withSecret: true });
  const conversation = await insertConversation(app.db, {
    account_id: world.accountId,
    inbox_id: world.apiInboxId,
    contact_id: world.contactId,
  });
  const row = await app.db
    .selectFrom('conversations')
    .select('display_id')
    .where('id', '=', conversation)
    .executeTakeFirstOrThrow();
  return { params: { id }, body: { conversation_id: row.display_id } };
};

/**
 * A call through the request proxy by an app granted `request`, beside a conversation of the
 * API inbox. Its host (localhost) is private and not allowed by the operator here, so whoever
 * gets through the checks of who may ask meets the proxy's address refusal (403).
 */
const proxyCall: AccessCase['input'] = async (ctx, actor) => {
  const { body } = await tokenRequest(ctx, actor);
  const { id } = await insertDashboardApp(ctx.app, ctx.world.accountId, {
    columns: { permissions: '["request"]', proxy_allowlist: '["localhost:9"]' },
  });
  return { params: { id }, body: { url: 'https://localhost:9/x', ...(body as object) } };
};

export const dashboardAppAccessCases: AccessCase[] = [
  {
    method: 'POST',
    route: `${APPS}/manifest`,
    input: () => ({ body: { manifest: MANIFEST } }),
    expect: adminsOnly(),
  },
  { method: 'GET', route: `${APP}/manifest`, input: freshApp, expect: adminsOnly() },
  {
    method: 'GET',
    route: `${APP}/manifest`,
    note: "another account's app",
    input: theirApp,
    expect: theirsForWriters,
  },
  {
    method: 'PUT',
    route: `${APPS}/order`,
    input: async ({ app, world }) => ({
      body: {
        ids: (
          await app.db
            .selectFrom('dashboard_apps')
            .select('id')
            .where('account_id', '=', world.accountId)
            .orderBy('id', 'desc')
            .execute()
        ).map((row) => row.id),
      },
    }),
    expect: adminsOnly(),
  },
  { method: 'POST', route: `${APP}/request`, input: proxyCall, expect: apiInboxMembers(403) },
  {
    method: 'POST',
    route: `${APP}/request`,
    note: "another account's app",
    input: async (ctx, actor) => ({
      ...(await proxyCall(ctx, actor)),
      ...(await theirApp(ctx, actor)),
    }),
    expect: nobody(),
  },
  {
    method: 'POST',
    route: `${APP}/context_token`,
    note: 'an app for administrators only',
    input: async (ctx, actor) => {
      const { body } = await tokenRequest(ctx, actor);
      const { id } = await insertDashboardApp(ctx.app, ctx.world.accountId, {
        withSecret: true,
        columns: { visibility: '{"inbox_ids":[],"team_ids":[],"roles":["administrator"]}' },
      });
      return { params: { id }, body };
    },
    expect: { anonymous: 401, agent: 404, outsider: 404, admin: 200, stranger: 404 },
  },
  {
    method: 'GET',
    route: APP,
    note: 'a disabled app',
    input: async ({ app, world }) => ({
      params: {
        id: (await insertDashboardApp(app, world.accountId, { columns: { enabled: 0 } })).id,
      },
    }),
    expect: { anonymous: 401, agent: 404, outsider: 404, admin: 200, stranger: 404 },
  },
  { method: 'GET', route: APPS, expect: anyMember() },
  { method: 'GET', route: `${APPS}/url_rules`, expect: adminsOnly() },
  {
    method: 'POST',
    route: `${APPS}/url_check`,
    // localhost is private and not allowed here: the check answers "not checked", no request.
    input: () => ({ body: { url: 'https://localhost:9/app' } }),
    expect: adminsOnly(),
  },
  { method: 'POST', route: APPS, input: () => ({ body: VALID }), expect: adminsOnly() },
  { method: 'GET', route: APP, input: freshApp, expect: anyMember() },
  { method: 'GET', route: APP, note: "another account's app", input: theirApp, expect: nobody() },
  {
    method: 'PATCH',
    route: APP,
    input: async (ctx, actor) => ({ ...(await freshApp(ctx, actor)), body: { title: 'Renamed' } }),
    expect: adminsOnly(),
  },
  {
    method: 'PATCH',
    route: APP,
    note: "another account's app",
    input: async (ctx, actor) => ({ ...(await theirApp(ctx, actor)), body: { title: 'Mine' } }),
    expect: theirsForWriters,
  },
  {
    method: 'PUT',
    route: APP,
    input: async (ctx, actor) => ({ ...(await freshApp(ctx, actor)), body: VALID }),
    expect: adminsOnly(),
  },
  { method: 'DELETE', route: APP, input: freshApp, expect: adminsOnly(204) },
  {
    method: 'DELETE',
    route: APP,
    note: "another account's app",
    input: theirApp,
    expect: theirsForWriters,
  },
  { method: 'POST', route: `${APP}/secret`, input: freshApp, expect: adminsOnly() },
  {
    method: 'POST',
    route: `${APP}/secret`,
    note: "another account's app",
    input: theirApp,
    expect: theirsForWriters,
  },
  { method: 'DELETE', route: `${APP}/secret`, input: freshApp, expect: adminsOnly(204) },
  {
    method: 'POST',
    route: `${APP}/context_token`,
    input: tokenRequest,
    expect: apiInboxMembers(),
  },
  {
    method: 'POST',
    route: `${APP}/context_token`,
    note: "another account's app",
    input: async (ctx, actor) => ({
      ...(await tokenRequest(ctx, actor)),
      ...(await theirApp(ctx, actor)),
    }),
    expect: nobody(),
  },
  { method: 'GET', route: `${ACCOUNT}/audit_logs`, expect: adminsOnly() },
  {
    method: 'GET',
    route: `${ACCOUNT}/audit_logs`,
    note: 'second page',
    input: () => ({ query: 'page=2' }),
    expect: adminsOnly(),
  },
];
