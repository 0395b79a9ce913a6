import { WEBHOOK_EVENTS } from '@bevatel/protocol';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, request, type TestApp } from '../../test/app';
import { DATABASE_KINDS } from '../../test/databases';
import { createWorld, type World } from '../../test/fixtures';
import { freshWebhook } from './testing';

describe.each(DATABASE_KINDS)('webhooks API on %s', (kind) => {
  let t: TestApp;
  let world: World;
  const api = (method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE', path = '', body?: unknown) =>
    request(t.app, method, `/api/v1/accounts/${world.accountId}/webhooks${path}`, {
      as: world.admin,
      body,
    });

  beforeAll(async () => {
    t = await createTestApp(kind);
    world = await createWorld(t.app.db);
  });
  afterAll(() => t.close());

  it('creates in Chatwoot’s shape, wrapped or bare; the secret is in that answer only', async () => {
    const wrapped = await api('POST', '', {
      webhook: { url: ' https://crm.example.com/chatwoot ', subscriptions: ['message_created'] },
    });
    expect(wrapped.statusCode, wrapped.body).toBe(200);
    const created = wrapped.json().payload.webhook;
    expect(created).toMatchObject({
      id: expect.any(Number),
      account_id: world.accountId,
      name: null,
      url: 'https://crm.example.com/chatwoot',
      subscriptions: ['message_created'],
      secret: expect.stringMatching(/^[A-Za-z0-9_-]{43}$/),
    });
    const bare = await api('POST', '', { url: 'https://n8n.example.com/hook', name: 'n8n' });
    expect(bare.statusCode, bare.body).toBe(200);
    // Without subscriptions: every event, as Chatwoot does.
    expect(bare.json().payload.webhook.subscriptions).toEqual([...WEBHOOK_EVENTS]);

    const list = await api('GET');
    expect(list.statusCode).toBe(200);
    const hooks = list.json().payload.webhooks;
    expect(hooks.map((h: { url: string }) => h.url)).toEqual([
      'https://crm.example.com/chatwoot',
      'https://n8n.example.com/hook',
    ]);
    for (const hook of hooks) expect(hook).not.toHaveProperty('secret');
    const shown = await api('GET', `/${created.id}`);
    expect(shown.json().payload.webhook).not.toHaveProperty('secret');

    // Stored sealed, never in the clear.
    const row = await t.app.db
      .selectFrom('webhooks')
      .select('secret_sealed')
      .where('id', '=', created.id)
      .executeTakeFirstOrThrow();
    expect(row.secret_sealed).not.toContain(created.secret);
    expect(row.secret_sealed).toMatch(/^v1\./);
  });

  it('updates name, subscriptions and URL by PATCH or PUT; rotates the secret', async () => {
    const { webhookId } = await freshWebhook(t.app, world.accountId);
    const patched = await api('PATCH', `/${webhookId}`, {
      webhook: { name: '  CRM  ', subscriptions: ['contact_created', 'contact_updated'] },
    });
    expect(patched.statusCode, patched.body).toBe(200);
    expect(patched.json().payload.webhook).toMatchObject({
      name: 'CRM',
      subscriptions: ['contact_created', 'contact_updated'],
    });
    expect(patched.json().payload.webhook).not.toHaveProperty('secret');
    const put = await api('PUT', `/${webhookId}`, { url: 'https://crm2.example.com/in' });
    expect(put.json().payload.webhook).toMatchObject({
      url: 'https://crm2.example.com/in',
      name: 'CRM',
    });
    const cleared = await api('PATCH', `/${webhookId}`, { name: null });
    expect(cleared.json().payload.webhook.name).toBeNull();

    const first = (await api('POST', `/${webhookId}/rotate_secret`)).json().payload.webhook;
    const second = (await api('POST', `/${webhookId}/rotate_secret`)).json().payload.webhook;
    expect(first.secret).toEqual(expect.any(String));
    expect(second.secret).not.toBe(first.secret);
  });

  it('deletes a webhook with its delivery log', async () => {
    const { webhookId, deliveryId } = await freshWebhook(t.app, world.accountId);
    const log = await api('GET', `/${webhookId}/deliveries`);
    expect(log.json()).toMatchObject({
      payload: [{ id: deliveryId, status: 'failed', last_status_code: 500 }],
      meta: { page: 1, per_page: 25, has_more: false },
    });
    expect((await api('DELETE', `/${webhookId}`)).statusCode).toBe(204);
    expect((await api('GET', `/${webhookId}`)).statusCode).toBe(404);
    const left = await t.app.db
      .selectFrom('webhook_deliveries')
      .select('id')
      .where('id', '=', deliveryId)
      .execute();
    expect(left).toEqual([]);
  });

  it('pages the delivery log, newest first', async () => {
    const { webhookId } = await freshWebhook(t.app, world.accountId);
    const now = Date.now();
    await t.app.db
      .insertInto('webhook_deliveries')
      .values(
        Array.from({ length: 30 }, (_, i) => ({
          account_id: world.accountId,
          webhook_id: webhookId,
          uuid: `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`,
          event: 'message_created',
          payload: `{"event":"message_created","id":${i}}`,
          status: 'delivered',
          schedule_started_at: now,
          next_attempt_at: null,
          locked_until: null,
          lease_token: null,
          last_attempt_at: now,
          last_status_code: 204,
          last_error: null,
          last_duration_ms: 3,
          last_response: null,
          created_at: now + i,
          updated_at: now + i,
        })),
      )
      .execute();
    const first = (await api('GET', `/${webhookId}/deliveries`)).json();
    expect(first.payload).toHaveLength(25);
    expect(first.meta.has_more).toBe(true);
    expect(first.payload[0].uuid).toBe('00000000-0000-4000-8000-000000000029');
    const second = (await api('GET', `/${webhookId}/deliveries?page=2`)).json();
    // 30 inserted here + the one freshWebhook logged.
    expect(second.payload).toHaveLength(6);
    expect(second.meta.has_more).toBe(false);
  });

  it('refuses to redeliver while a try is in flight', async () => {
    const { webhookId, deliveryId } = await freshWebhook(t.app, world.accountId);
    await t.app.db
      .updateTable('webhook_deliveries')
      .set({ status: 'pending', locked_until: Date.now() + 60_000, lease_token: 'someone' })
      .where('id', '=', deliveryId)
      .execute();
    const res = await api('POST', `/${webhookId}/deliveries/${deliveryId}/redeliver`);
    expect(res.statusCode).toBe(409);
    expect(res.json()).toMatchObject({ error: 'conflict' });
  });
});
