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

const MANIFEST = { manifest_version: 1, name: 'Orders', url: URL };

/** Installing from a manifest with one thing wrong. */
const manifestRefusals: Array<[string, unknown, string]> = [
  ['no manifest', { settings: {} }, 'manifest'],
  ['manifest not an object', { manifest: 'x' }, 'manifest'],
  [
    'another manifest version',
    { manifest: { ...MANIFEST, manifest_version: 2 } },
    'manifest.manifest_version',
  ],
  ['manifest without url', { manifest: { manifest_version: 1, name: 'Orders' } }, 'manifest.url'],
  ['manifest with an unknown key', { manifest: { ...MANIFEST, scripts: [] } }, 'manifest.scripts'],
  [
    'placeholder in the manifest host',
    { manifest: { ...MANIFEST, url: 'https://{{contact.id}}.example.com' } },
    'manifest.url',
  ],
  ['name too long', { manifest: { ...MANIFEST, name: 'x'.repeat(256) } }, 'manifest.name'],
  [
    'value for a setting the manifest lacks',
    { manifest: MANIFEST, settings: { api_key: 'k' } },
    'settings.api_key',
  ],
  [
    'required setting left empty',
    {
      manifest: {
        ...MANIFEST,
        settings: [
          { name: 'api_key', label: 'API key', type: 'text', secure: true, required: true },
        ],
      },
      settings: {},
    },
    'settings.api_key',
  ],
  ['unknown body key', { manifest: MANIFEST, consent: true }, 'consent'],
];

const appIds = async ({ app, world }: BadInputContext) =>
  (
    await app.db
      .selectFrom('dashboard_apps')
      .select('id')
      .where('account_id', '=', world.accountId)
      .orderBy('position')
      .execute()
  ).map((row) => row.id);

/** Reordering with one thing wrong (an app is made first so there is something to order). */
const orderRefusals: Array<[string, (ctx: BadInputContext) => Promise<unknown>, string]> = [
  ['ids missing', async (ctx) => (await freshApp(ctx), {}), 'ids'],
  ['ids not a list', async (ctx) => (await freshApp(ctx), { ids: 'all' }), 'ids'],
  [
    'an app left out',
    async (ctx) => (
      await freshApp(ctx),
      await freshApp(ctx),
      { ids: (await appIds(ctx)).slice(1) }
    ),
    'ids',
  ],
  [
    'an app twice',
    async (ctx) => {
      await freshApp(ctx);
      const ids = await appIds(ctx);
      return { ids: [ids[0], ...ids] };
    },
    'ids[1]',
  ],
  [
    'an unknown id',
    async (ctx) => (await freshApp(ctx), { ids: [2147483647, ...(await appIds(ctx))] }),
    'ids[0]',
  ],
];

/** An app granted `request` with one allowed host. */
async function proxyApp({ app, world }: BadInputContext): Promise<number> {
  return (
    await insertDashboardApp(app, world.accountId, {
      columns: { permissions: '["request"]', proxy_allowlist: '["api.example.com"]' },
    })
  ).id;
}

/** Calls the proxy refuses before any connection is made. */
const proxyRefusals: Array<[string, unknown, string | undefined, number?]> = [
  ['no url', { method: 'GET' }, 'url'],
  ['plain http', { url: 'http://api.example.com/x' }, 'url'],
  ['unknown method', { url: 'https://api.example.com/x', method: 'TRACE' }, 'method'],
  [
    'a Host header',
    { url: 'https://api.example.com/x', headers: { Host: 'evil.example.com' } },
    'headers.Host',
  ],
  [
    'a header that is not text',
    { url: 'https://api.example.com/x', headers: { 'x-n': 1 } },
    'headers.x-n',
  ],
  ['body not a string', { url: 'https://api.example.com/x', body: { a: 1 } }, 'body'],
  [
    'a setting that has no value',
    { url: 'https://api.example.com/x', headers: { authorization: 'Bearer {{settings.api_key}}' } },
    'headers.authorization',
  ],
  ['a host off the allowlist', { url: 'https://evil.example.com/x' }, 'url', 403],
  [
    'conversation_id not a number',
    { url: 'https://api.example.com/x', conversation_id: 'one' },
    'conversation_id',
  ],
];

/** Creating with one thing wrong: 422 naming the field, and nothing written (no audit row). */
const createRefusals: Array<[string, unknown, string]> = [
  ['title blank', { ...VALID, title: '  ' }, 'title'],
  ['title too long', { ...VALID, title: 'x'.repeat(256) }, 'title'],
  ['title with a NUL', { ...VALID, title: 'a\u0000b' }, 'title'],
  ['title with a bidi override', { ...VALID, title: 'Orders\u202Eexe.pdf' }, 'title'],
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
    'unknown level-2 permission',
    { ...VALID, permissions: ['labels:write', 'root'] },
    'permissions[1]',
  ],
  ['repeated level-2 permission', { ...VALID, permissions: ['ui', 'ui'] }, 'permissions[1]'],
  ['permissions not a list', { ...VALID, permissions: 'ui' }, 'permissions'],
  ['allow_send_anyway not a boolean', { ...VALID, allow_send_anyway: 'yes' }, 'allow_send_anyway'],
  [
    'a level-2 permission of another case',
    { ...VALID, permissions: ['Labels:Write'] },
    'permissions[0]',
  ],
  [
    'wrapped, bad URL',
    { dashboard_app: { ...VALID, content: [{ type: 'frame', url: 'x' }] } },
    'content[0].url',
  ],
  ['wrapper not an object', { dashboard_app: [] }, 'dashboard_app'],
  // Issue 12: templates, locations, visibility, settings, proxy hosts, Arabic title, icon.
  [
    'placeholder in the host',
    { ...VALID, content: [{ type: 'frame', url: 'https://{{contact.id}}.example.com/' }] },
    'content[0].url',
  ],
  [
    'placeholder in the port',
    { ...VALID, content: [{ type: 'frame', url: 'https://crm.example.com:{{conversation.id}}/' }] },
    'content[0].url',
  ],
  [
    'unknown placeholder',
    { ...VALID, content: [{ type: 'frame', url: `${URL}?x={{contact.password}}` }] },
    'content[0].url',
  ],
  [
    'unclosed placeholder',
    { ...VALID, content: [{ type: 'frame', url: `${URL}?x={{contact.id` }] },
    'content[0].url',
  ],
  ['no location', { ...VALID, locations: [] }, 'locations'],
  ['unknown location', { ...VALID, locations: ['conversation.tab', 'header'] }, 'locations[1]'],
  ['repeated location', { ...VALID, locations: ['contact.page', 'contact.page'] }, 'locations[1]'],
  ['unknown role', { ...VALID, visibility: { roles: ['owner'] } }, 'visibility.roles[0]'],
  [
    'inbox of no account',
    { ...VALID, visibility: { inbox_ids: [2147483647] } },
    'visibility.inbox_ids[0]',
  ],
  [
    'team of no account',
    { ...VALID, visibility: { team_ids: [2147483647] } },
    'visibility.team_ids[0]',
  ],
  ['visibility with an unknown key', { ...VALID, visibility: { users: [1] } }, 'visibility.users'],
  ['enabled not a boolean', { ...VALID, enabled: 'yes' }, 'enabled'],
  ['title_ar too long', { ...VALID, title_ar: 'ع'.repeat(256) }, 'title_ar'],
  ['icon over http', { ...VALID, icon_url: 'http://cdn.example.com/i.png' }, 'icon_url'],
  [
    'proxy host with a scheme',
    { ...VALID, proxy_allowlist: ['https://api.example.com'] },
    'proxy_allowlist[0]',
  ],
  [
    'proxy host repeated',
    { ...VALID, proxy_allowlist: ['a.example.com', 'a.example.com'] },
    'proxy_allowlist[1]',
  ],
  [
    'setting name with capitals',
    { ...VALID, settings: [{ name: 'ApiKey', label: 'API key', type: 'text' }] },
    'settings[0].name',
  ],
  [
    'setting names repeated',
    {
      ...VALID,
      settings: [
        { name: 'a', label: 'A', type: 'text' },
        { name: 'a', label: 'A again', type: 'number' },
      ],
    },
    'settings[1].name',
  ],
  [
    'secure select',
    {
      ...VALID,
      settings: [{ name: 'a', label: 'A', type: 'select', secure: true, options: ['x'] }],
    },
    'settings[0].secure',
  ],
  [
    'select without options',
    { ...VALID, settings: [{ name: 'a', label: 'A', type: 'select' }] },
    'settings[0].options',
  ],
  [
    'value of the wrong type',
    { ...VALID, settings: [{ name: 'n', label: 'N', type: 'number', value: 'ten' }] },
    'settings[0].value',
  ],
  [
    'required secure setting without a value',
    {
      ...VALID,
      settings: [{ name: 'key', label: 'Key', type: 'text', secure: true, required: true }],
    },
    'settings[0].value',
  ],
];

/** URL checks with an address the save rules refuse. */
const urlCheckRefusals: Array<[string, unknown]> = [
  ['javascript: URL', { url: 'javascript:alert(1)' }],
  ['plain http to a public host', { url: 'http://orders.example.com/app' }],
  ['credentials in the URL', { url: 'https://user:pw@orders.example.com/' }],
  ['a placeholder in the host', { url: 'https://{{contact.id}}.example.com/' }],
  ['empty', { url: '  ' }],
];

export const dashboardAppBadInputCases: BadInputCase[] = [
  ...standardBadInputs({
    method: 'POST',
    route: `${APPS}/url_check`,
    body: { url: URL },
    required: ['url'],
  }),
  ...urlCheckRefusals.map(([note, body]): BadInputCase => ({
    method: 'POST',
    route: `${APPS}/url_check`,
    note,
    input: () => ({ body }),
    expect: 422,
    field: 'url',
  })),
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
  ...manifestRefusals.map(([note, body, field]): BadInputCase => ({
    method: 'POST',
    route: `${APPS}/manifest`,
    note,
    input: () => ({ body }),
    expect: 422,
    field,
  })),
  ...standardBadInputs({ method: 'GET', route: `${APP}/manifest`, params: freshApp }),
  ...orderRefusals.map(([note, body, field]): BadInputCase => ({
    method: 'PUT',
    route: `${APPS}/order`,
    note,
    input: async (ctx) => ({ body: await body(ctx) }),
    expect: 422,
    field,
  })),
  ...proxyRefusals.map(([note, body, field, status = 422]): BadInputCase => ({
    method: 'POST',
    route: `${APP}/request`,
    note,
    input: async (ctx) => ({ params: { id: await proxyApp(ctx) }, body }),
    expect: status,
    field,
    // A refused host is audited like every call (host only).
    ...(status === 403 ? { changes: ['audit_logs'] } : {}),
  })),
  {
    method: 'POST',
    route: `${APP}/context_token`,
    note: 'a location the app is not shown in',
    input: async (ctx) => ({
      params: { id: (await tokenTarget(ctx)).id },
      body: { location: 'navigation.page' },
    }),
    expect: 422,
    field: 'location',
  },
  {
    method: 'POST',
    route: `${APP}/context_token`,
    note: 'contact_id beside a conversation',
    input: async (ctx) => {
      const { id, conversationId } = await tokenTarget(ctx);
      return {
        params: { id },
        body: { conversation_id: conversationId, contact_id: ctx.world.contactId },
      };
    },
    expect: 422,
    field: 'contact_id',
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
