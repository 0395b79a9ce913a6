import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BusSignal } from '../../realtime/bus';
import { createTestApp, request, type TestApp } from '../../test/app';
import { DATABASE_KINDS } from '../../test/databases';
import { createWorld, type World } from '../../test/fixtures';

describe.each(DATABASE_KINDS)('inboxes on %s', (kind) => {
  let t: TestApp;
  let w: World;
  const base = () => `/api/v1/accounts/${w.accountId}`;
  const names = (res: { json(): { payload: { name: string }[] } }) =>
    res.json().payload.map((item) => item.name);

  beforeAll(async () => {
    t = await createTestApp(kind);
    w = await createWorld(t.app.db);
  });
  afterAll(() => t.close());

  it('lists every inbox to admins and only their own to agents', async () => {
    const admin = await request(t.app, 'GET', `${base()}/inboxes`, { as: w.admin });
    expect(admin.statusCode).toBe(200);
    expect(names(admin)).toEqual(['API', 'Website']);
    expect(admin.json().payload[0]).toEqual({
      id: w.apiInboxId,
      account_id: w.accountId,
      name: 'API',
      channel_type: 'Channel::Api',
      greeting_message: null,
      created_at: expect.any(Number),
    });
    const agent = await request(t.app, 'GET', `${base()}/inboxes`, { as: w.agent });
    expect(names(agent)).toEqual(['API']);
    const outsider = await request(t.app, 'GET', `${base()}/inboxes`, { as: w.outsider });
    expect(outsider.json()).toEqual({ payload: [] });
  });

  it('shows one inbox to those who may see it, 404 to others', async () => {
    const ok = await request(t.app, 'GET', `${base()}/inboxes/${w.apiInboxId}`, { as: w.agent });
    expect(ok.statusCode).toBe(200);
    expect(ok.json().name).toBe('API');
    const hidden = await request(t.app, 'GET', `${base()}/inboxes/${w.widgetInboxId}`, {
      as: w.agent,
    });
    expect(hidden.statusCode).toBe(404);
    const otherAccount = await request(
      t.app,
      'GET',
      `/api/v1/accounts/${w.otherAccountId}/inboxes/${w.apiInboxId}`,
      { as: w.stranger },
    );
    expect(otherAccount.statusCode).toBe(404);
  });

  it('creates, renames and deletes inboxes (admins only)', async () => {
    const created = await request(t.app, 'POST', `${base()}/inboxes`, {
      as: w.admin,
      body: { name: ' Support ', channel: { type: 'web_widget' }, greeting_message: 'Hi!' },
    });
    expect(created.statusCode).toBe(200);
    expect(created.json()).toMatchObject({
      name: 'Support',
      channel_type: 'Channel::WebWidget',
      greeting_message: 'Hi!',
    });
    const id = created.json().id as number;
    const byType = await request(t.app, 'POST', `${base()}/inboxes`, {
      as: w.admin,
      body: { name: 'Scripts', channel_type: 'Channel::Api' },
    });
    expect(byType.json().channel_type).toBe('Channel::Api');

    const renamed = await request(t.app, 'PATCH', `${base()}/inboxes/${id}`, {
      as: w.admin,
      body: { name: 'Help', greeting_message: null },
    });
    expect(renamed.statusCode).toBe(200);
    expect(renamed.json()).toMatchObject({ name: 'Help', greeting_message: null });

    const agent = await request(t.app, 'PATCH', `${base()}/inboxes/${id}`, {
      as: w.agent,
      body: { name: 'Mine' },
    });
    expect(agent.statusCode).toBe(403);

    const removed = await request(t.app, 'DELETE', `${base()}/inboxes/${id}`, { as: w.admin });
    expect(removed.statusCode).toBe(204);
    const again = await request(t.app, 'DELETE', `${base()}/inboxes/${id}`, { as: w.admin });
    expect(again.statusCode).toBe(404);
    await request(t.app, 'DELETE', `${base()}/inboxes/${byType.json().id}`, { as: w.admin });
  });

  it('rejects bad inbox input naming the field', async () => {
    const cases: [unknown, string][] = [
      [{ channel: { type: 'api' } }, 'name'],
      [{ name: 'X' }, 'channel'],
      [{ name: 'X', channel: { type: 'fax' } }, 'channel.type'],
      [{ name: 'X', channel: { type: 'api' }, channel_type: 'Channel::WebWidget' }, 'channel_type'],
      [{ name: 'X', channel_type: 'Channel::Email' }, 'channel_type'],
      [{ name: '  ', channel: { type: 'api' } }, 'name'],
      [{ name: 'X', channel: { type: 'api' }, color: 'red' }, 'color'],
    ];
    for (const [body, field] of cases) {
      const res = await request(t.app, 'POST', `${base()}/inboxes`, { as: w.admin, body });
      expect(res.statusCode, JSON.stringify(body)).toBe(422);
      expect(res.json().field, JSON.stringify(body)).toBe(field);
    }
  });

  it('manages inbox members: replace, list, remove', async () => {
    const url = `${base()}/inbox_members`;
    const set = await request(t.app, 'POST', url, {
      as: w.admin,
      body: { inbox_id: w.widgetInboxId, user_ids: [w.agent.id, w.outsider.id] },
    });
    expect(set.statusCode).toBe(200);
    expect(
      set
        .json()
        .payload.map((a: { id: number }) => a.id)
        .sort(),
    ).toEqual([w.agent.id, w.outsider.id].sort());
    const outsiderSees = await request(t.app, 'GET', `${base()}/inboxes`, { as: w.outsider });
    expect(names(outsiderSees)).toEqual(['Website']);

    const replaced = await request(t.app, 'PATCH', url, {
      as: w.admin,
      body: { inbox_id: w.widgetInboxId, user_ids: [w.outsider.id] },
    });
    expect(replaced.json().payload.map((a: { id: number }) => a.id)).toEqual([w.outsider.id]);

    const listed = await request(t.app, 'GET', `${url}/${w.widgetInboxId}`, { as: w.outsider });
    expect(listed.statusCode).toBe(200);
    expect(listed.json().payload[0]).toMatchObject({ id: w.outsider.id, role: 'agent' });
    const hidden = await request(t.app, 'GET', `${url}/${w.widgetInboxId}`, { as: w.agent });
    expect(hidden.statusCode).toBe(404);

    const removed = await request(t.app, 'DELETE', url, {
      as: w.admin,
      body: { inbox_id: w.widgetInboxId, user_ids: [w.outsider.id] },
    });
    expect(removed.statusCode).toBe(200);
    expect(removed.json()).toEqual({ payload: [] });
  });

  it('tells open sockets that inbox membership changed, after each member change', async () => {
    const signals: BusSignal[] = [];
    const stop = t.app.realtimeBus.onSignal((signal) => signals.push(signal));
    const url = `${base()}/inbox_members`;
    const body = { inbox_id: w.widgetInboxId, user_ids: [w.outsider.id] };
    await request(t.app, 'POST', url, { as: w.admin, body });
    await request(t.app, 'DELETE', url, { as: w.admin, body });
    await new Promise((resolve) => setTimeout(resolve, 20));
    stop();
    expect(signals).toEqual([
      expect.objectContaining({ kind: 'membership', accountId: w.accountId }),
      expect.objectContaining({ kind: 'membership', accountId: w.accountId }),
    ]);
  });

  it('refuses members from elsewhere and unknown inboxes', async () => {
    const url = `${base()}/inbox_members`;
    const stranger = await request(t.app, 'POST', url, {
      as: w.admin,
      body: { inbox_id: w.apiInboxId, user_ids: [w.agent.id, w.stranger.id] },
    });
    expect(stranger.statusCode).toBe(422);
    expect(stranger.json().field).toBe('user_ids');
    const members = await request(t.app, 'GET', `${url}/${w.apiInboxId}`, { as: w.admin });
    expect(members.json().payload.map((a: { id: number }) => a.id)).toEqual([w.agent.id]);

    const unknown = await request(t.app, 'POST', url, {
      as: w.admin,
      body: { inbox_id: 999_999, user_ids: [] },
    });
    expect(unknown.statusCode).toBe(404);
    const duplicate = await request(t.app, 'POST', url, {
      as: w.admin,
      body: { inbox_id: w.apiInboxId, user_ids: [w.agent.id, w.agent.id] },
    });
    expect(duplicate.statusCode).toBe(422);
    const agent = await request(t.app, 'POST', url, {
      as: w.agent,
      body: { inbox_id: w.apiInboxId, user_ids: [] },
    });
    expect(agent.statusCode).toBe(403);
  });
});
