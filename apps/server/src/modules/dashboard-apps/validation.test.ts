import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, request, type TestApp } from '../../test/app';
import { DATABASE_KINDS } from '../../test/databases';
import { createWorld, type World } from '../../test/fixtures';

const GOOD_URL = 'https://orders.example.com/app';
const frame = (url: string) => ({ type: 'frame', url });
const valid = { title: 'Orders', content: [frame(GOOD_URL)] };

/** [what, body, field named in the 422] */
const CREATE_CASES: Array<[string, unknown, string | undefined]> = [
  ['title missing', { content: [frame(GOOD_URL)] }, 'title'],
  ['title null', { ...valid, title: null }, 'title'],
  ['title empty', { ...valid, title: '' }, 'title'],
  ['title blank', { ...valid, title: '   ' }, 'title'],
  ['title a number', { ...valid, title: 5 }, 'title'],
  ['title too long', { ...valid, title: 'x'.repeat(256) }, 'title'],
  ['title with a tab', { ...valid, title: 'a\tb' }, 'title'],
  ['content missing', { title: 'Orders' }, 'content'],
  ['content a string', { ...valid, content: GOOD_URL }, 'content'],
  ['content empty', { ...valid, content: [] }, 'content'],
  [
    'content 11 frames',
    { ...valid, content: Array.from({ length: 11 }, () => frame(GOOD_URL)) },
    'content',
  ],
  ['frame a string', { ...valid, content: [GOOD_URL] }, 'content[0]'],
  ['frame without type', { ...valid, content: [{ url: GOOD_URL }] }, 'content[0].type'],
  [
    'frame of another type',
    { ...valid, content: [{ type: 'link', url: GOOD_URL }] },
    'content[0].type',
  ],
  ['url missing', { ...valid, content: [{ type: 'frame' }] }, 'content[0].url'],
  ['url a number', { ...valid, content: [{ type: 'frame', url: 5 }] }, 'content[0].url'],
  ['url empty', { ...valid, content: [frame('  ')] }, 'content[0].url'],
  ['url relative', { ...valid, content: [frame('orders.example.com')] }, 'content[0].url'],
  ['url javascript:', { ...valid, content: [frame('javascript:alert(1)')] }, 'content[0].url'],
  ['url data:', { ...valid, content: [frame('data:text/html,<b>x</b>')] }, 'content[0].url'],
  ['url file:', { ...valid, content: [frame('file:///etc/passwd')] }, 'content[0].url'],
  ['url blob:', { ...valid, content: [frame('blob:https://a.example/1')] }, 'content[0].url'],
  ['url ftp:', { ...valid, content: [frame('ftp://a.example/')] }, 'content[0].url'],
  [
    'url http, not loopback',
    { ...valid, content: [frame('http://orders.example.com')] },
    'content[0].url',
  ],
  [
    'url with credentials',
    { ...valid, content: [frame('https://u:p@orders.example.com')] },
    'content[0].url',
  ],
  [
    'url with a user name',
    { ...valid, content: [frame('https://u@orders.example.com')] },
    'content[0].url',
  ],
  [
    'url the dashboard (public URL)',
    { ...valid, content: [frame('http://localhost:3000/app')] },
    'content[0].url',
  ],
  [
    'url too long',
    { ...valid, content: [frame(`${GOOD_URL}/${'a'.repeat(2048)}`)] },
    'content[0].url',
  ],
  [
    'url with a space',
    { ...valid, content: [frame('https://orders.example.com/a b')] },
    'content[0].url',
  ],
  [
    'second frame bad',
    { ...valid, content: [frame(GOOD_URL), frame('javascript:x')] },
    'content[1].url',
  ],
  ['allow not a list', { ...valid, allow: 'clipboard-write' }, 'allow'],
  ['allow unknown feature', { ...valid, allow: ['clipboard-write', 'usb'] }, 'allow[1]'],
  ['allow a number', { ...valid, allow: [5] }, 'allow[0]'],
  ['allow duplicate', { ...valid, allow: ['camera', 'microphone', 'camera'] }, 'allow[2]'],
  ['wrapped, title blank', { dashboard_app: { ...valid, title: ' ' } }, 'title'],
  [
    'wrapped, bad url',
    { dashboard_app: { ...valid, content: [frame('data:x')] } },
    'content[0].url',
  ],
  ['wrapper not an object', { dashboard_app: 'Orders' }, 'dashboard_app'],
  ['body a list', [valid], undefined],
  ['an unknown key', { ...valid, titel: 'typo' }, 'titel'],
  ['an unknown key beside the wrapper', { dashboard_app: valid, title: 'x' }, 'title'],
  ['an unknown key in the wrapper', { dashboard_app: { ...valid, secret: 'x' } }, 'secret'],
  [
    'an unknown key in a frame',
    { ...valid, content: [{ ...frame(GOOD_URL), height: 3 }] },
    'content[0].height',
  ],
  ['title with a NUL', { ...valid, title: 'a\u0000b' }, 'title'],
  ['url with a NUL', { ...valid, content: [frame(`${GOOD_URL}\u0000`)] }, 'content[0].url'],
];

describe.each(DATABASE_KINDS)('dashboard app validation on %s', (kind) => {
  let t: TestApp;
  let world: World;
  const base = () => `/api/v1/accounts/${world.accountId}/dashboard_apps`;

  beforeAll(async () => {
    // Behind a proxy the operator named (TRUST_PROXY): inject's requests come from loopback.
    t = await createTestApp(kind, { trustProxy: ['loopback'] });
    world = await createWorld(t.app.db);
  });
  afterAll(() => t.close());

  it.each(CREATE_CASES)('refuses %s with 422 naming the field', async (_what, body, field) => {
    const res = await request(t.app, 'POST', base(), { as: world.admin, body });
    expect(res.statusCode).toBe(422);
    const json = res.json();
    expect(json).toMatchObject({ error: 'unprocessable_entity', statusCode: 422 });
    expect(json.field).toBe(field);
    expect(json.message).toEqual(expect.any(String));
    if (field) expect(json.message).toContain(field);
  });

  it('created nothing for any refused body', async () => {
    const res = await request(t.app, 'GET', base(), { as: world.admin });
    expect(res.json()).toEqual([]);
    const audit = await t.app.db.selectFrom('audit_logs').selectAll().execute();
    expect(audit).toEqual([]);
  });

  it('explains URL problems in plain words', async () => {
    const res = await request(t.app, 'POST', base(), {
      as: world.admin,
      body: { ...valid, content: [frame('http://orders.example.com')] },
    });
    expect(res.json().message).toMatch(/https:\/\//);
  });

  it("refuses the origin the request came to (the dashboard's own, behind a proxy)", async () => {
    const res = await request(t.app, 'POST', base(), {
      as: world.admin,
      headers: { host: 'desk.example.org', 'x-forwarded-proto': 'https' },
      body: { ...valid, content: [frame('https://desk.example.org/embedded')] },
    });
    expect(res.statusCode).toBe(422);
    expect(res.json()).toMatchObject({ field: 'content[0].url' });
    expect(res.json().message).toMatch(/dashboard/);
  });

  it('trims title and URL, accepts loopback http and a wrapped body', async () => {
    const res = await request(t.app, 'POST', base(), {
      as: world.admin,
      body: {
        dashboard_app: {
          title: '  Local dev  ',
          content: [
            frame(' http://localhost:5173/ '),
            frame('http://127.0.0.1:9999'),
            frame('http://[::1]:4000/x'),
          ],
          allow: ['clipboard-write', 'fullscreen'],
        },
      },
    });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      title: 'Local dev',
      content: [
        { type: 'frame', url: 'http://localhost:5173/' },
        { type: 'frame', url: 'http://127.0.0.1:9999' },
        { type: 'frame', url: 'http://[::1]:4000/x' },
      ],
      allow: ['clipboard-write', 'fullscreen'],
    });
  });

  it('checks the fields an update gives, naming them', async () => {
    const created = await request(t.app, 'POST', base(), { as: world.admin, body: valid });
    const url = `${base()}/${created.json().id}`;
    const cases: Array<[unknown, string]> = [
      [{ title: '' }, 'title'],
      [{ content: [] }, 'content'],
      [{ content: [frame('file:///x')] }, 'content[0].url'],
      [{ allow: ['nope'] }, 'allow[0]'],
      [{ dashboard_app: { title: 7 } }, 'title'],
    ];
    for (const [body, field] of cases) {
      for (const method of ['PATCH', 'PUT'] as const) {
        const res = await request(t.app, method, url, { as: world.admin, body });
        expect(res.statusCode, `${method} ${JSON.stringify(body)}`).toBe(422);
        expect(res.json().field).toBe(field);
      }
    }
    const after = await request(t.app, 'GET', url, { as: world.admin });
    expect(after.json()).toMatchObject({ title: 'Orders', content: [frame(GOOD_URL)], allow: [] });
  });
});

describe.each(DATABASE_KINDS)('dashboard app http hosts allowed by the operator on %s', (kind) => {
  let t: TestApp;
  let world: World;
  beforeAll(async () => {
    t = await createTestApp(kind, { allowedHttpAppHosts: ['intranet.corp'] });
    world = await createWorld(t.app.db);
  });
  afterAll(() => t.close());

  it('accepts http for listed hosts only, and tells the form its rules', async () => {
    const base = `/api/v1/accounts/${world.accountId}/dashboard_apps`;
    const ok = await request(t.app, 'POST', base, {
      as: world.admin,
      body: { title: 'CRM', content: [frame('http://intranet.corp/crm')] },
    });
    expect(ok.statusCode).toBe(200);
    const refused = await request(t.app, 'POST', base, {
      as: world.admin,
      body: { title: 'CRM', content: [frame('http://other.corp/crm')] },
    });
    expect(refused.statusCode).toBe(422);
    const rules = await request(t.app, 'GET', `${base}/url_rules`, { as: world.admin });
    expect(rules.json()).toEqual({
      dashboard_origins: ['http://localhost:3000', 'http://localhost'],
      allowed_http_hosts: ['intranet.corp'],
    });
    const asAgent = await request(t.app, 'GET', `${base}/url_rules`, { as: world.agent });
    expect(asAgent.statusCode).toBe(403);
  });
});
