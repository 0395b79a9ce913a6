import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, request, type TestApp } from '../../test/app';
import { DATABASE_KINDS } from '../../test/databases';
import { createWorld, type World } from '../../test/fixtures';
import type { AuditLogEntry, AuditLogPage } from '@bevatel/protocol/schemas';

describe.each(DATABASE_KINDS)('dashboard app audit trail on %s', (kind) => {
  let t: TestApp;
  let world: World;
  let appId: number;
  const secrets: string[] = [];
  const base = () => `/api/v1/accounts/${world.accountId}`;

  beforeAll(async () => {
    t = await createTestApp(kind);
    world = await createWorld(t.app.db);
    const as = world.admin;
    const apps = `${base()}/dashboard_apps`;
    const created = await request(t.app, 'POST', apps, {
      as,
      body: { title: 'Orders', content: [{ type: 'frame', url: 'https://orders.example.com' }] },
    });
    appId = created.json().id;
    await request(t.app, 'PATCH', `${apps}/${appId}`, { as, body: { title: 'Orders v2' } });
    // An update that changes nothing records nothing.
    await request(t.app, 'PUT', `${apps}/${appId}`, { as, body: { title: 'Orders v2' } });
    await request(t.app, 'PATCH', `${apps}/${appId}`, { as, body: { allow: ['camera'] } });
    secrets.push((await request(t.app, 'POST', `${apps}/${appId}/secret`, { as })).json().secret);
    secrets.push((await request(t.app, 'POST', `${apps}/${appId}/secret`, { as })).json().secret);
    await request(t.app, 'DELETE', `${apps}/${appId}/secret`, { as });
    await request(t.app, 'DELETE', `${apps}/${appId}/secret`, { as });
    await request(t.app, 'DELETE', `${apps}/${appId}`, { as });
    // Refused writes leave no trace.
    await request(t.app, 'POST', apps, { as: world.agent, body: { title: 'x', content: [] } });
    await request(t.app, 'POST', apps, { as, body: { title: '', content: [] } });
    // Another account's trail stays there.
    await request(t.app, 'POST', `/api/v1/accounts/${world.otherAccountId}/dashboard_apps`, {
      as: world.stranger,
      body: { title: 'Theirs', content: [{ type: 'frame', url: 'https://theirs.example.com' }] },
    });
  });
  afterAll(() => t.close());

  it('records every change, newest first, with who did it and what changed', async () => {
    const res = await request(t.app, 'GET', `${base()}/audit_logs`, { as: world.admin });
    expect(res.statusCode).toBe(200);
    const page = res.json() as AuditLogPage;
    expect(page).toMatchObject({ per_page: 15, total_entries: 7, current_page: 1 });
    const rows = page.audit_logs;
    expect(rows.map((row) => row.action)).toEqual([
      'dashboard_app.deleted',
      'dashboard_app.secret_removed',
      'dashboard_app.secret_rotated',
      'dashboard_app.secret_generated',
      'dashboard_app.updated',
      'dashboard_app.updated',
      'dashboard_app.created',
    ]);
    for (const row of rows) {
      expect(row).toMatchObject({
        account_id: world.accountId,
        auditable_type: 'DashboardApp',
        auditable_id: appId,
        user_id: world.admin.id,
        user_type: 'User',
        username: 'admin@acme.test',
        created_at: expect.any(Number),
      });
    }
    const byAction = (i: number) => rows[i] as AuditLogEntry;
    expect(byAction(6).audited_changes).toEqual({
      title: 'Orders',
      title_ar: null,
      description: null,
      icon_url: null,
      content: [{ type: 'frame', url: 'https://orders.example.com' }],
      allow: [],
      permissions: ['notes:read'],
      allow_send_anyway: true,
      locations: ['conversation.tab'],
      visibility: { inbox_ids: [], team_ids: [], roles: [] },
      enabled: true,
      settings: [],
      setting_values: {},
      secure_settings_set: [],
      proxy_allowlist: [],
    });
    expect(byAction(5).audited_changes).toEqual({ title: ['Orders', 'Orders v2'] });
    expect(byAction(4).audited_changes).toEqual({ allow: [[], ['camera']] });
    expect(byAction(3).audited_changes).toEqual({ has_secret: [false, true] });
    expect(byAction(2).audited_changes).toEqual({ has_secret: [true, true] });
    expect(byAction(1).audited_changes).toEqual({ has_secret: [true, false] });
    expect(byAction(0).audited_changes).toMatchObject({ title: 'Orders v2', allow: ['camera'] });
  });

  it('never stores a secret in the trail', async () => {
    const rows = await t.app.db.selectFrom('audit_logs').select('changes').execute();
    const text = JSON.stringify(rows);
    for (const secret of secrets) expect(text).not.toContain(secret);
    expect(text).not.toMatch(/ciphertext|v1\./);
  });

  it('pages by 15 and checks the page number', async () => {
    for (let i = 0; i < 10; i += 1) {
      await request(t.app, 'POST', `${base()}/dashboard_apps`, {
        as: world.admin,
        body: { title: `App ${i}`, content: [{ type: 'frame', url: 'https://a.example.com' }] },
      });
    }
    const first = (
      await request(t.app, 'GET', `${base()}/audit_logs?page=1`, { as: world.admin })
    ).json();
    const second = (
      await request(t.app, 'GET', `${base()}/audit_logs?page=2`, { as: world.admin })
    ).json();
    expect(first.total_entries).toBe(17);
    expect(first.audit_logs).toHaveLength(15);
    expect(second.audit_logs).toHaveLength(2);
    expect(second.current_page).toBe(2);
    expect(first.audit_logs[0].audited_changes.title).toBe('App 9');
    expect(second.audit_logs.at(-1).action).toBe('dashboard_app.created');
    const ids = [...first.audit_logs, ...second.audit_logs].map((row: AuditLogEntry) => row.id);
    expect(ids).toEqual([...ids].sort((a, b) => b - a));
    const beyond = (
      await request(t.app, 'GET', `${base()}/audit_logs?page=9`, { as: world.admin })
    ).json();
    expect(beyond.audit_logs).toEqual([]);
    for (const page of ['0', '-1', 'abc', '1.5']) {
      const res = await request(t.app, 'GET', `${base()}/audit_logs?page=${page}`, {
        as: world.admin,
      });
      expect(res.statusCode, page).toBe(422);
      expect(res.json().field).toBe('page');
    }
  });

  it('is for administrators of the account only', async () => {
    const url = `${base()}/audit_logs`;
    expect((await request(t.app, 'GET', url)).statusCode).toBe(401);
    expect((await request(t.app, 'GET', url, { as: world.agent })).statusCode).toBe(403);
    expect((await request(t.app, 'GET', url, { as: world.stranger })).statusCode).toBe(404);
    const theirs = await request(
      t.app,
      'GET',
      `/api/v1/accounts/${world.otherAccountId}/audit_logs`,
      {
        as: world.stranger,
      },
    );
    expect(theirs.json().audit_logs.map((row: AuditLogEntry) => row.action)).toEqual([
      'dashboard_app.created',
    ]);
  });
});
