import { APP_CONVERSATION_HEADER, APP_ID_HEADER, type AppPermission } from '@bevatel/protocol';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createTestApp, request, type AsUser, type TestApp } from '../../test/app';
import { DATABASE_KINDS } from '../../test/databases';
import { conversationLabels, insertContact } from '../../test/factories';
import { createWorld, type World } from '../../test/fixtures';
import { fixtureConversation, insertLabels } from '../../test/conversations';
import type { AuditLogEntry } from '@bevatel/protocol/schemas';

describe.each(DATABASE_KINDS)('writes of dashboard apps through the host, on %s', (kind) => {
  let t: TestApp;
  let world: World;
  let granted: number;
  let ungranted: number;
  let displayId: number;
  let conversationRowId: number;
  const base = () => `/api/v1/accounts/${world.accountId}`;

  async function createApp(title: string, permissions: AppPermission[]): Promise<number> {
    const res = await request(t.app, 'POST', `${base()}/dashboard_apps`, {
      as: world.admin,
      body: { title, content: [{ type: 'frame', url: 'https://orders.example.com' }], permissions },
    });
    expect(res.statusCode).toBe(200);
    return res.json().id;
  }

  /** A request the host makes for an app: the agent's own credentials plus the two headers. */
  function asApp(
    appId: number,
    method: 'POST' | 'PATCH' | 'PUT' | 'GET',
    path: string,
    body?: unknown,
    options: { as?: AsUser; conversation?: number | string } = {},
  ) {
    return request(t.app, method, `${base()}/${path}`, {
      as: options.as ?? world.agent,
      body,
      headers: {
        [APP_ID_HEADER]: String(appId),
        [APP_CONVERSATION_HEADER]: String(options.conversation ?? displayId),
      },
    });
  }

  async function auditRows(): Promise<AuditLogEntry[]> {
    const res = await request(t.app, 'GET', `${base()}/audit_logs`, { as: world.admin });
    return (res.json() as { audit_logs: AuditLogEntry[] }).audit_logs;
  }

  const lastActivity = async () => {
    const row = await t.app.db
      .selectFrom('messages')
      .select(['content', 'message_type'])
      .where('conversation_id', '=', conversationRowId)
      .where('message_type', '=', 2)
      .orderBy('id', 'desc')
      .executeTakeFirst();
    return row?.content;
  };

  beforeAll(async () => {
    t = await createTestApp(kind);
    world = await createWorld(t.app.db);
    await insertLabels(t.app.db, world.accountId, ['refund-requested', 'vip']);
    granted = await createApp('Order history', [
      'notes:read',
      'labels:write',
      'notes:write',
      'attributes:write',
      'conversation:write',
    ]);
    ungranted = await createApp('Look only', []);
  });
  afterAll(() => t.close());

  beforeEach(async () => {
    displayId = await fixtureConversation(t.app, world, 'api');
    const row = await t.app.db
      .selectFrom('conversations')
      .select('id')
      .where('account_id', '=', world.accountId)
      .where('display_id', '=', displayId)
      .executeTakeFirstOrThrow();
    conversationRowId = row.id;
  });

  it('adds a label with the agent’s session, names the app in the activity and audits it', async () => {
    const res = await asApp(granted, 'POST', `conversations/${displayId}/labels`, {
      add: ['refund-requested'],
    });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ payload: ['refund-requested'] });
    expect(await lastActivity()).toBe(
      'Order history added the label refund-requested for Omar Agent',
    );
    const [row] = await auditRows();
    expect(row).toMatchObject({
      action: 'dashboard_app.labels_changed',
      auditable_type: 'DashboardApp',
      auditable_id: granted,
      user_id: world.agent.id,
      audited_changes: {
        conversation_id: displayId,
        app_title: 'Order history',
        params: { add: ['refund-requested'] },
      },
    });
  });

  it('refuses what the administrator did not grant, changes nothing, and audits the refusal', async () => {
    const before = (await auditRows()).length;
    const res = await asApp(ungranted, 'POST', `conversations/${displayId}/labels`, {
      add: ['vip'],
    });
    expect(res.statusCode).toBe(403);
    expect(res.json()).toMatchObject({
      error: 'permission_denied',
      message: 'Look only has not been granted labels:write by an administrator',
    });
    expect(await conversationLabels(t.app.db, conversationRowId)).toEqual([]);
    const rows = await auditRows();
    expect(rows.length).toBe(before + 1);
    expect(rows[0]).toMatchObject({
      action: 'dashboard_app.action_refused',
      auditable_id: ungranted,
      user_id: world.agent.id,
    });
    // The same write without the app's mark is the agent's own, and allowed.
    const own = await request(t.app, 'POST', `${base()}/conversations/${displayId}/labels`, {
      as: world.agent,
      body: { add: ['vip'] },
    });
    expect(own.statusCode).toBe(200);
    expect(await lastActivity()).toBe('Omar Agent added vip');
  });

  it('refuses an agent outside the conversation’s inbox even when the app holds the permission', async () => {
    const res = await asApp(
      granted,
      'POST',
      `conversations/${displayId}/labels`,
      { add: ['vip'] },
      { as: world.outsider },
    );
    expect(res.statusCode).toBe(404);
    expect(res.json().error).toBe('not_found');
    expect(await conversationLabels(t.app.db, conversationRowId)).toEqual([]);
  });

  it('creates a private note that carries the app’s id', async () => {
    const res = await asApp(granted, 'POST', `conversations/${displayId}/messages`, {
      content: 'Refund of SAR 150 issued on 9 Oct',
      private: true,
    });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      private: true,
      message_type: 1,
      sender_id: world.agent.id,
      content_attributes: { app_id: granted },
    });
    expect((await auditRows())[0]).toMatchObject({
      action: 'dashboard_app.note_created',
      audited_changes: { params: { content: 'Refund of SAR 150 issued on 9 Oct', private: true } },
    });
  });

  it('never lets an app send a reply to the customer, nor other messages', async () => {
    for (const body of [
      { content: 'Hello customer' },
      { content: 'Hello', private: false },
      { content: 'x', private: true, message_type: 'activity' },
      { content: 'x', private: true, source_id: 'abc' },
    ]) {
      const res = await asApp(granted, 'POST', `conversations/${displayId}/messages`, body);
      expect(res.statusCode, JSON.stringify(body)).toBe(403);
      expect(res.json().error).toBe('permission_denied');
    }
    const count = await t.app.db
      .selectFrom('messages')
      .select((eb) => eb.fn.countAll().as('n'))
      .where('conversation_id', '=', conversationRowId)
      .executeTakeFirstOrThrow();
    expect(Number(count.n)).toBe(0);
  });

  it('changes status, priority, assignee and attributes, each activity naming the app', async () => {
    const path = `conversations/${displayId}`;
    expect(
      (await asApp(granted, 'POST', `${path}/toggle_status`, { status: 'resolved' })).statusCode,
    ).toBe(200);
    expect(await lastActivity()).toBe('Conversation was resolved by Order history for Omar Agent');
    expect(
      (await asApp(granted, 'POST', `${path}/toggle_priority`, { priority: 'high' })).statusCode,
    ).toBe(200);
    expect(await lastActivity()).toBe('Priority set to high by Order history for Omar Agent');
    expect(
      (await asApp(granted, 'POST', `${path}/assignments`, { assignee_id: world.agent.id }))
        .statusCode,
    ).toBe(200);
    expect(await lastActivity()).toBe('Assigned to Omar Agent by Order history for Omar Agent');
    const patched = await asApp(granted, 'PATCH', path, { custom_attributes: { order: 'A-1001' } });
    expect(patched.statusCode).toBe(200);
    expect(patched.json().custom_attributes).toMatchObject({ order: 'A-1001' });
    // Muting is no app's business.
    expect((await asApp(granted, 'PATCH', path, { muted: true })).json().error).toBe(
      'permission_denied',
    );
    const actions = (await auditRows()).slice(0, 5).map((row) => row.action);
    expect(actions).toEqual([
      'dashboard_app.action_refused',
      'dashboard_app.conversation_updated',
      'dashboard_app.assigned',
      'dashboard_app.priority_changed',
      'dashboard_app.status_changed',
    ]);
  });

  it('changes custom attributes of the conversation’s own contact only', async () => {
    const ok = await asApp(granted, 'PATCH', `contacts/${world.contactId}`, {
      custom_attributes: { tier: 'platinum' },
    });
    expect(ok.statusCode).toBe(200);
    expect(ok.json().payload.custom_attributes).toMatchObject({ tier: 'platinum', plan: 'gold' });
    expect((await auditRows())[0]).toMatchObject({
      action: 'dashboard_app.contact_attributes_set',
      audited_changes: { contact_id: world.contactId, conversation_id: displayId },
    });
    const other = await insertContact(t.app.db, world.accountId);
    const elsewhere = await asApp(granted, 'PATCH', `contacts/${other}`, {
      custom_attributes: { tier: 'x' },
    });
    expect(elsewhere.statusCode).toBe(403);
    const renamed = await asApp(granted, 'PATCH', `contacts/${world.contactId}`, {
      name: 'Someone else',
    });
    expect(renamed.statusCode).toBe(403);
    expect(renamed.json().error).toBe('permission_denied');
  });

  it('refuses a mark for another conversation than the one changed', async () => {
    const other = await fixtureConversation(t.app, world, 'api');
    const res = await asApp(
      granted,
      'POST',
      `conversations/${displayId}/labels`,
      { add: ['vip'] },
      { conversation: other },
    );
    expect(res.statusCode).toBe(403);
    expect(res.json().message).toBe(
      'Order history may only change the conversation it is shown with',
    );
  });

  it('refuses an app of another account, a malformed mark, and a mark without its conversation', async () => {
    const theirs = await request(
      t.app,
      'POST',
      `/api/v1/accounts/${world.otherAccountId}/dashboard_apps`,
      {
        as: world.stranger,
        body: {
          title: 'Theirs',
          content: [{ type: 'frame', url: 'https://theirs.example.com' }],
          permissions: ['labels:write'],
        },
      },
    );
    const labels = `conversations/${displayId}/labels`;
    expect((await asApp(theirs.json().id, 'POST', labels, { add: ['vip'] })).json()).toMatchObject({
      error: 'permission_denied',
      statusCode: 403,
    });
    for (const bad of ['abc', '0', '-1', '99999999999']) {
      const res = await request(t.app, 'POST', `${base()}/${labels}`, {
        as: world.agent,
        body: { add: ['vip'] },
        headers: { [APP_ID_HEADER]: bad, [APP_CONVERSATION_HEADER]: String(displayId) },
      });
      expect(res.statusCode, bad).toBe(422);
      expect(res.json().field).toBe(APP_ID_HEADER);
    }
    const without = await request(t.app, 'POST', `${base()}/${labels}`, {
      as: world.agent,
      body: { add: ['vip'] },
      headers: { [APP_ID_HEADER]: String(granted) },
    });
    expect(without.statusCode).toBe(422);
    expect(without.json().field).toBe(APP_CONVERSATION_HEADER);
    expect(await conversationLabels(t.app.db, conversationRowId)).toEqual([]);
  });

  it('refuses app writes on routes no app may use, and lets reads through', async () => {
    const deleted = await asApp(granted, 'POST', `conversations/${displayId}/mute`, {});
    expect(deleted.statusCode).toBe(403);
    expect(deleted.json().error).toBe('permission_denied');
    const read = await asApp(granted, 'GET', `conversations/${displayId}`);
    expect(read.statusCode).toBe(200);
  });
});

describe.each(DATABASE_KINDS)('label changes by name on %s', (kind) => {
  let t: TestApp;
  let world: World;
  beforeAll(async () => {
    t = await createTestApp(kind);
    world = await createWorld(t.app.db);
    await insertLabels(t.app.db, world.accountId, ['billing', 'vip', 'refund-requested']);
  });
  afterAll(() => t.close());

  it('adds and removes some labels without replacing the others; one form per request', async () => {
    const displayId = await fixtureConversation(t.app, world, 'api');
    const url = `/api/v1/accounts/${world.accountId}/conversations/${displayId}/labels`;
    const post = (body: unknown) => request(t.app, 'POST', url, { as: world.admin, body });
    expect((await post({ labels: ['billing'] })).json()).toEqual({ payload: ['billing'] });
    expect((await post({ add: ['VIP', 'billing'] })).json()).toEqual({
      payload: ['billing', 'vip'],
    });
    expect((await post({ remove: ['billing', 'refund-requested'] })).json()).toEqual({
      payload: ['vip'],
    });
    for (const body of [{}, { add: ['vip'], remove: ['vip'] }, { labels: [], add: ['vip'] }]) {
      const res = await post(body);
      expect(res.statusCode, JSON.stringify(body)).toBe(422);
    }
    // A person's new label is created (Chatwoot); removing a label nobody defined is refused.
    expect((await post({ add: ['new-one'] })).json()).toEqual({ payload: ['new-one', 'vip'] });
    expect((await post({ remove: ['never-defined'] })).statusCode).toBe(422);
  });
});
