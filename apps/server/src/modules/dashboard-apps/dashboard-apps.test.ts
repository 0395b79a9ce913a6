import type { DashboardApp } from '@bevatel/protocol';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, request, type AsUser, type TestApp } from '../../test/app';
import { DATABASE_KINDS } from '../../test/databases';
import { createWorld, type World } from '../../test/fixtures';

const body = (title: string, url = 'https://orders.example.com/app') => ({
  title,
  content: [{ type: 'frame', url }],
});

describe.each(DATABASE_KINDS)('dashboard apps API on %s', (kind) => {
  let t: TestApp;
  let world: World;
  const base = (accountId = world.accountId) => `/api/v1/accounts/${accountId}/dashboard_apps`;

  beforeAll(async () => {
    t = await createTestApp(kind);
    world = await createWorld(t.app.db);
  });
  afterAll(() => t.close());

  it('creates, lists, reads, updates (PATCH and PUT) and deletes an app', async () => {
    const before = Math.floor(Date.now() / 1000);
    const created = await request(t.app, 'POST', base(), {
      as: world.admin,
      body: { ...body('Orders'), allow: ['clipboard-write'] },
    });
    expect(created.statusCode).toBe(200);
    const app = created.json() as DashboardApp;
    expect(app).toEqual({
      id: expect.any(Number),
      title: 'Orders',
      content: [{ type: 'frame', url: 'https://orders.example.com/app' }],
      allow: ['clipboard-write'],
      // Nothing granted by default but private notes in the context, as before level 2.
      permissions: ['notes:read'],
      allow_send_anyway: true,
      has_secret: false,
      created_at: expect.any(Number),
      updated_at: expect.any(Number),
      user_id: world.admin.id,
      // Issue 12's fields, at the values that keep an app as apps were before them.
      title_ar: null,
      description: null,
      icon_url: null,
      locations: ['conversation.tab'],
      visibility: { inbox_ids: [], team_ids: [], roles: [] },
      visible_to_me: true,
      enabled: true,
      position: expect.any(Number),
      settings: [],
      proxy_allowlist: [],
    });
    expect(app.created_at).toBeGreaterThanOrEqual(before);
    expect(app.created_at).toBeLessThan(before + 60);

    const list = await request(t.app, 'GET', base(), { as: world.admin });
    expect(list.statusCode).toBe(200);
    expect(list.json()).toEqual([app]);

    const one = await request(t.app, 'GET', `${base()}/${app.id}`, { as: world.admin });
    expect(one.json()).toEqual(app);

    const patched = await request(t.app, 'PATCH', `${base()}/${app.id}`, {
      as: world.admin,
      body: { title: 'Orders v2' },
    });
    expect(patched.statusCode).toBe(200);
    expect(patched.json()).toMatchObject({
      title: 'Orders v2',
      content: app.content,
      allow: ['clipboard-write'],
    });

    const put = await request(t.app, 'PUT', `${base()}/${app.id}`, {
      as: world.admin,
      body: {
        dashboard_app: {
          content: [
            { type: 'frame', url: 'https://crm.example.com' },
            { type: 'frame', url: 'https://crm.example.com/2' },
          ],
          allow: [],
        },
      },
    });
    expect(put.statusCode).toBe(200);
    expect(put.json()).toMatchObject({
      id: app.id,
      title: 'Orders v2',
      content: [
        { type: 'frame', url: 'https://crm.example.com' },
        { type: 'frame', url: 'https://crm.example.com/2' },
      ],
      allow: [],
    });

    const deleted = await request(t.app, 'DELETE', `${base()}/${app.id}`, { as: world.admin });
    expect(deleted.statusCode).toBe(204);
    expect(deleted.body).toBe('');
    const gone = await request(t.app, 'GET', `${base()}/${app.id}`, { as: world.admin });
    expect(gone.statusCode).toBe(404);
    expect(gone.json()).toMatchObject({ error: 'not_found' });
    const again = await request(t.app, 'DELETE', `${base()}/${app.id}`, { as: world.admin });
    expect(again.statusCode).toBe(404);
    expect((await request(t.app, 'GET', base(), { as: world.admin })).json()).toEqual([]);
  });

  it('accepts the Chatwoot-style wrapped body on create', async () => {
    const res = await request(t.app, 'POST', base(), {
      as: world.admin,
      body: { dashboard_app: body('Wrapped') },
    });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ title: 'Wrapped', allow: [], has_secret: false });
    await request(t.app, 'DELETE', `${base()}/${res.json().id}`, { as: world.admin });
  });

  it('stores what the administrator grants, in the protocol’s order, and audits each change', async () => {
    const created = await request(t.app, 'POST', base(), {
      as: world.admin,
      body: { ...body('Granted'), permissions: ['ui', 'labels:write'] },
    });
    expect(created.json().permissions).toEqual(['labels:write', 'ui']);
    const id = created.json().id as number;
    const none = await request(t.app, 'PATCH', `${base()}/${id}`, {
      as: world.admin,
      body: { permissions: [], allow_send_anyway: false },
    });
    expect(none.json()).toMatchObject({ permissions: [], allow_send_anyway: false });
    const agentTry = await request(t.app, 'PATCH', `${base()}/${id}`, {
      as: world.agent,
      body: { permissions: ['ui'] },
    });
    expect(agentTry.statusCode).toBe(403);
    expect(
      (await request(t.app, 'GET', `${base()}/${id}`, { as: world.agent })).json(),
    ).toMatchObject({
      permissions: [],
    });
    const audit = await request(t.app, 'GET', `/api/v1/accounts/${world.accountId}/audit_logs`, {
      as: world.admin,
    });
    expect(audit.json().audit_logs[0]).toMatchObject({
      action: 'dashboard_app.updated',
      auditable_id: id,
      audited_changes: {
        permissions: [['labels:write', 'ui'], []],
        allow_send_anyway: [true, false],
      },
    });
    await request(t.app, 'DELETE', `${base()}/${id}`, { as: world.admin });
  });

  it('gives apps registered before level 2 private notes in their context, nothing else', async () => {
    const now = Date.now();
    const row = await t.app.db
      .insertInto('dashboard_apps')
      .values({
        account_id: world.accountId,
        user_id: null,
        title: 'Old',
        content: JSON.stringify([{ type: 'frame', url: 'https://old.example.com' }]),
        allow: '[]',
        secret_ciphertext: null,
        created_at: now,
        updated_at: now,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const res = await request(t.app, 'GET', `${base()}/${row.id}`, { as: world.admin });
    expect(res.json().permissions).toEqual(['notes:read']);
    await request(t.app, 'DELETE', `${base()}/${row.id}`, { as: world.admin });
  });

  it('lists only the asking account’s apps, oldest first', async () => {
    const a = (await request(t.app, 'POST', base(), { as: world.admin, body: body('A') })).json();
    const b = (await request(t.app, 'POST', base(), { as: world.admin, body: body('B') })).json();
    const theirs = await request(t.app, 'POST', base(world.otherAccountId), {
      as: world.stranger,
      body: body('Theirs'),
    });
    expect(theirs.statusCode).toBe(200);
    const mine = await request(t.app, 'GET', base(), { as: world.agent });
    expect(mine.json().map((app: DashboardApp) => app.title)).toEqual(['A', 'B']);
    for (const app of [a, b])
      await request(t.app, 'DELETE', `${base()}/${app.id}`, { as: world.admin });
  });

  it('answers an unknown id with 404 and a malformed one with 422 naming it', async () => {
    const unknown = await request(t.app, 'GET', `${base()}/2147483647`, { as: world.admin });
    expect(unknown.statusCode).toBe(404);
    for (const id of ['abc', '1.5', '-1', '0', '2147483648', '99999999999999']) {
      const res = await request(t.app, 'GET', `${base()}/${id}`, { as: world.admin });
      expect(res.statusCode, id).toBe(422);
      expect(res.json().field, id).toBe('id');
    }
  });

  describe('access', () => {
    let appId: number;
    let otherAppId: number;
    beforeAll(async () => {
      appId = (await request(t.app, 'POST', base(), { as: world.admin, body: body('Mine') })).json()
        .id;
      otherAppId = (
        await request(t.app, 'POST', base(world.otherAccountId), {
          as: world.stranger,
          body: body('Theirs'),
        })
      ).json().id;
    });

    type Who = 'anonymous' | 'agent' | 'outsider' | 'stranger' | 'admin';
    const who = (name: Who): AsUser | null => (name === 'anonymous' ? null : world[name]);
    // [method, path (relative to dashboard_apps), body]
    type Route = [
      string,
      'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE',
      (id: number) => string,
      unknown?,
    ];
    const READS: Route[] = [
      ['list', 'GET', () => ''],
      ['show', 'GET', (id) => `/${id}`],
    ];
    const WRITES: Route[] = [
      ['create', 'POST', () => '', body('New')],
      ['patch', 'PATCH', (id) => `/${id}`, { title: 'Renamed' }],
      ['put', 'PUT', (id) => `/${id}`, { title: 'Renamed again' }],
      ['rotate secret', 'POST', (id) => `/${id}/secret`],
      ['remove secret', 'DELETE', (id) => `/${id}/secret`],
    ];

    it.each([...READS, ...WRITES])(
      '%s: anonymous 401, stranger 404',
      async (_name, method, path, payload) => {
        const anonymous = await request(t.app, method, `${base()}${path(appId)}`, {
          as: null,
          body: payload,
        });
        expect(anonymous.statusCode).toBe(401);
        expect(anonymous.json()).toMatchObject({ error: 'unauthorized' });
        const stranger = await request(t.app, method, `${base()}${path(appId)}`, {
          as: who('stranger'),
          body: payload,
        });
        expect(stranger.statusCode).toBe(404);
      },
    );

    it.each(READS)('%s: every member may read', async (_name, method, path) => {
      for (const name of ['agent', 'outsider', 'admin'] as const) {
        const res = await request(t.app, method, `${base()}${path(appId)}`, { as: who(name) });
        expect(res.statusCode, name).toBe(200);
      }
    });

    it.each(WRITES)('%s: agents 403, administrators 2xx', async (_name, method, path, payload) => {
      for (const name of ['agent', 'outsider'] as const) {
        const res = await request(t.app, method, `${base()}${path(appId)}`, {
          as: who(name),
          body: payload,
        });
        expect(res.statusCode, name).toBe(403);
        expect(res.json()).toMatchObject({ error: 'forbidden' });
      }
      const res = await request(t.app, method, `${base()}${path(appId)}`, {
        as: who('admin'),
        body: payload,
      });
      expect(res.statusCode).toBeGreaterThanOrEqual(200);
      expect(res.statusCode).toBeLessThan(300);
    });

    it('agents cannot delete', async () => {
      const res = await request(t.app, 'DELETE', `${base()}/${appId}`, { as: world.agent });
      expect(res.statusCode).toBe(403);
    });

    it("another account's app is 404 through this account, for every route", async () => {
      const routes: Array<[string, string, unknown?]> = [
        ['GET', ''],
        ['PATCH', '', { title: 'x' }],
        ['PUT', '', { title: 'x' }],
        ['DELETE', ''],
        ['POST', '/secret'],
        ['DELETE', '/secret'],
        ['POST', '/context_token', { conversation_id: 1 }],
      ];
      for (const [method, suffix, payload] of routes) {
        const res = await request(t.app, method as 'GET', `${base()}/${otherAppId}${suffix}`, {
          as: world.admin,
          body: payload,
        });
        expect(res.statusCode, `${method} ${suffix}`).toBe(404);
      }
      const still = await request(t.app, 'GET', `${base(world.otherAccountId)}/${otherAppId}`, {
        as: world.stranger,
      });
      expect(still.json()).toMatchObject({ title: 'Theirs', has_secret: false });
    });
  });
});
