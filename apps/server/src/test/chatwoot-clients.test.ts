/**
 * Chatwoot-shaped clients through the real HTTP stack: a listening server and `fetch`, as a
 * script written for Chatwoot's API would call it (header token, its content types and habits).
 */
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from './app';
import { DATABASE_KINDS } from './databases';
import { insertConversation } from './factories';
import { createWorld, type World } from './fixtures';

describe.each(DATABASE_KINDS)('Chatwoot-shaped clients on %s', (kind) => {
  let t: TestApp;
  let w: World;
  let base: string;

  const call = (method: string, path: string, init: RequestInit = {}, token = w.admin) =>
    fetch(`${base}/api/v1/accounts/${w.accountId}${path}`, {
      method,
      ...init,
      headers: { api_access_token: token.access_token, ...(init.headers ?? {}) },
    });
  const json = (body: unknown): RequestInit => ({
    body: JSON.stringify(body),
    headers: { 'content-type': 'application/json' },
  });

  const conversation = async () => {
    const id = await insertConversation(t.app.db, {
      account_id: w.accountId,
      inbox_id: w.apiInboxId,
      contact_id: w.contactId,
    });
    const row = await t.app.db
      .selectFrom('conversations')
      .select('display_id')
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
    return row.display_id;
  };

  beforeAll(async () => {
    t = await createTestApp(kind);
    w = await createWorld(t.app.db);
    await t.app.listen({ port: 0, host: '127.0.0.1' });
    base = `http://127.0.0.1:${(t.app.server.address() as AddressInfo).port}`;
  });
  afterAll(() => t.close());

  it('accepts a body-less DELETE (and bare POST) sent with Content-Type: application/json', async () => {
    const label = await call('POST', '/labels', json({ title: 'to-delete' }));
    expect(label.status).toBe(200);
    const id = ((await label.json()) as { id: number }).id;
    const removed = await call('DELETE', `/labels/${id}`, {
      headers: { 'content-type': 'application/json' },
    });
    expect(removed.status).toBe(204);
    const displayId = await conversation();
    const toggled = await call('POST', `/conversations/${displayId}/toggle_status`, {
      headers: { 'content-type': 'application/json' },
    });
    expect(toggled.status).toBe(200);
    expect(
      ((await toggled.json()) as { payload: { current_status: string } }).payload,
    ).toMatchObject({ current_status: 'resolved' });
    // A body that is there but is not JSON is still refused.
    const broken = await call('POST', '/labels', {
      body: '{"title":',
      headers: { 'content-type': 'application/json' },
    });
    expect(broken.status).toBe(400);
    expect(await broken.json()).toMatchObject({ error: 'bad_request', statusCode: 400 });
  });

  it('reaches the same route with a trailing slash', async () => {
    const created = await call(
      'POST',
      '/inboxes/',
      json({ name: 'Slashed', channel: { type: 'api' } }),
    );
    expect(created.status).toBe(200);
    expect(await created.json()).toMatchObject({ name: 'Slashed', channel_type: 'Channel::Api' });
    const listed = await call('GET', '/inboxes/');
    expect(listed.status).toBe(200);
    const names = ((await listed.json()) as { payload: { name: string }[] }).payload.map(
      (i) => i.name,
    );
    expect(names).toContain('Slashed');
  });

  it('takes ids sent as numeric strings where an integer id is expected, and refuses other types', async () => {
    const opened = await call(
      'POST',
      '/conversations',
      json({ inbox_id: String(w.apiInboxId), contact_id: String(w.contactId) }),
    );
    expect(opened.status).toBe(200);
    const conv = (await opened.json()) as { id: number; inbox_id: number };
    expect(conv.inbox_id).toBe(w.apiInboxId);
    const assigned = await call(
      'POST',
      `/conversations/${conv.id}/assignments`,
      json({ assignee_id: String(w.agent.id) }),
    );
    expect(assigned.status).toBe(200);
    expect(await assigned.json()).toMatchObject({ id: w.agent.id });
    for (const bad of [true, 'three', '3.5', '-3', '', [w.apiInboxId], { id: 1 }, '99999999999']) {
      const refused = await call(
        'POST',
        '/conversations',
        json({ inbox_id: bad, contact_id: w.contactId }),
      );
      expect(refused.status, JSON.stringify(bad)).toBe(422);
      expect(await refused.json()).toMatchObject({ field: 'inbox_id', statusCode: 422 });
    }
  });

  it('creates a label the account has not defined when a conversation is tagged with it', async () => {
    const displayId = await conversation();
    const res = await call(
      'POST',
      `/conversations/${displayId}/labels`,
      json({ labels: ['Brand-New'] }),
    );
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ payload: ['brand-new'] });
    const labels = (await (await call('GET', '/labels')).json()) as {
      payload: { title: string }[];
    };
    expect(labels.payload.map((l) => l.title)).toContain('brand-new');
    // Two conversations tagged with the same new label at once: one label row.
    const [a, b] = [await conversation(), await conversation()];
    const both = await Promise.all(
      [a, b].map((id) => call('POST', `/conversations/${id}/labels`, json({ labels: ['rush'] }))),
    );
    expect(both.map((r) => r.status)).toEqual([200, 200]);
    const rows = await t.app.db
      .selectFrom('labels')
      .select('id')
      .where('account_id', '=', w.accountId)
      .where('title', '=', 'rush')
      .execute();
    expect(rows).toHaveLength(1);
  });
});
