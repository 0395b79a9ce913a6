import { standardBadInputs, type BadInputCase, type BadInputContext } from '../../test/bad-input';
import { insertConversation } from '../../test/factories';
import { ACCOUNT } from '../../test/routes';
import { insertDashboardApp } from './test-support';

const APPS = `${ACCOUNT}/dashboard_apps`;
const APP = `${APPS}/:id`;
const URL = 'https://orders.example.com/app';
const VALID = { title: 'Orders', content: [{ type: 'frame', url: URL }] };

const freshApp = async ({ app, world }: BadInputContext) => ({
  id: (await insertDashboardApp(app, world.accountId)).id,
});

async function tokenTarget({ app, world }: BadInputContext) {
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
  return { id, conversationId: row.display_id };
}

/** Creating with one thing wrong: 422 naming the field, and nothing written (no audit row). */
const createRefusals: Array<[string, unknown, string]> = [
  ['title blank', { ...VALID, title: '  ' }, 'title'],
  ['title too long', { ...VALID, title: 'x'.repeat(256) }, 'title'],
  ['title with a NUL', { ...VALID, title: 'a\u0000b' }, 'title'],
  ['no frames', { ...VALID, content: [] }, 'content'],
  [
    '11 frames',
    { ...VALID, content: Array.from({ length: 11 }, () => ({ type: 'frame', url: URL })) },
    'content',
  ],
  ['frame of another type', { ...VALID, content: [{ type: 'link', url: URL }] }, 'content[0].type'],
  [
    'javascript: URL',
    { ...VALID, content: [{ type: 'frame', url: 'javascript:alert(1)' }] },
    'content[0].url',
  ],
  [
    'data: URL',
    { ...VALID, content: [{ type: 'frame', url: 'data:text/html,x' }] },
    'content[0].url',
  ],
  [
    'plain http to a public host',
    { ...VALID, content: [{ type: 'frame', url: 'http://orders.example.com' }] },
    'content[0].url',
  ],
  [
    'credentials in the URL',
    { ...VALID, content: [{ type: 'frame', url: 'https://a:b@orders.example.com' }] },
    'content[0].url',
  ],
  [
    "the dashboard's own origin",
    { ...VALID, content: [{ type: 'frame', url: 'http://localhost:3000/app' }] },
    'content[0].url',
  ],
  [
    'URL longer than 2,048',
    { ...VALID, content: [{ type: 'frame', url: `${URL}/${'a'.repeat(2048)}` }] },
    'content[0].url',
  ],
  ['unknown permission', { ...VALID, allow: ['clipboard-write', 'usb'] }, 'allow[1]'],
  ['repeated permission', { ...VALID, allow: ['camera', 'camera'] }, 'allow[1]'],
  [
    'wrapped, bad URL',
    { dashboard_app: { ...VALID, content: [{ type: 'frame', url: 'x' }] } },
    'content[0].url',
  ],
  ['wrapper not an object', { dashboard_app: [] }, 'dashboard_app'],
];

export const dashboardAppBadInputCases: BadInputCase[] = [
  ...standardBadInputs({
    method: 'POST',
    route: APPS,
    body: VALID,
    required: ['title', 'content'],
  }),
  ...createRefusals.map(([note, body, field]): BadInputCase => ({
    method: 'POST',
    route: APPS,
    note,
    input: () => ({ body }),
    expect: 422,
    field,
  })),
  ...standardBadInputs({ method: 'GET', route: APP, params: freshApp }),
  ...(['PATCH', 'PUT'] as const).flatMap((method) => [
    ...standardBadInputs({
      method,
      route: APP,
      params: freshApp,
      body: { title: 'Renamed', allow: ['fullscreen'] },
    }),
    {
      method,
      route: APP,
      note: 'content emptied',
      input: async (ctx: BadInputContext) => ({
        params: await freshApp(ctx),
        body: { content: [] },
      }),
      expect: 422,
      field: 'content',
    },
  ]),
  ...standardBadInputs({ method: 'DELETE', route: APP, params: freshApp }),
  ...standardBadInputs({ method: 'POST', route: `${APP}/secret`, params: freshApp }),
  ...standardBadInputs({ method: 'DELETE', route: `${APP}/secret`, params: freshApp }),
  ...standardBadInputs({
    method: 'POST',
    route: `${APP}/context_token`,
    params: async (ctx) => ({ id: (await tokenTarget(ctx)).id }),
    body: async (ctx) => ({ conversation_id: (await tokenTarget(ctx)).conversationId }),
    required: ['conversation_id'],
  }),
  ...[0, -1, 1.5, 2_147_483_648, 'abc', true].map((value): BadInputCase => ({
    method: 'POST',
    route: `${APP}/context_token`,
    note: `conversation_id ${JSON.stringify(value)}`,
    input: async (ctx) => ({
      params: { id: (await tokenTarget(ctx)).id },
      body: { conversation_id: value },
    }),
    expect: 422,
    field: 'conversation_id',
  })),
  {
    method: 'POST',
    route: `${APP}/context_token`,
    note: 'app without a secret',
    input: async (ctx) => {
      const { conversationId } = await tokenTarget(ctx);
      return { params: await freshApp(ctx), body: { conversation_id: conversationId } };
    },
    expect: 422,
  },
  ...['0', '-1', 'abc', '1.5', '99999999999'].map((page): BadInputCase => ({
    method: 'GET',
    route: `${ACCOUNT}/audit_logs`,
    note: `page=${page}`,
    input: () => ({ query: `page=${page}` }),
    expect: 422,
    field: 'page',
  })),
];
