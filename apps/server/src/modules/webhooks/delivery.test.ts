/**
 * Webhook delivery end to end on both databases: changes made through the API, the outbox
 * rows written with them, the dispatcher POSTing to a real HTTP receiver started here, each
 * request checked with the SDK's own verify helper (what a receiver would run).
 */
import { hostname } from 'node:os';
import { lookup } from 'node:dns/promises';
import type { Webhook, WebhookDeliveryDetail, WebhookEventName } from '@bevatel/protocol';
import { verifyWebhook } from '@bevatel/dashboard-app-sdk/server';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { isPublicAddress } from '../../core/outbound/addresses';
import { createTestApp, request, type TestApp } from '../../test/app';
import { DATABASE_KINDS } from '../../test/databases';
import { createWorld, type World } from '../../test/fixtures';
import { startReceiver, type ReceivedRequest, type Receiver } from './testing';
import type { WebhookDeliverySettings } from './schedule';

const FAST: WebhookDeliverySettings = {
  timeoutMs: 1000,
  pollMs: 50,
  retry: { delaysMs: [100, 100, 100], maxDelayMs: 300, giveUpAfterMs: 2500, jitter: 0.2 },
};

describe.each(DATABASE_KINDS)('webhook delivery on %s', (kind) => {
  let t: TestApp;
  let world: World;
  const receivers: Receiver[] = [];
  const api = (method: 'GET' | 'POST' | 'PATCH' | 'DELETE', path: string, body?: unknown) =>
    request(t.app, method, `/api/v1/accounts/${world.accountId}${path}`, {
      as: world.admin,
      body,
    });

  async function receiver(answer?: Parameters<typeof startReceiver>[0]) {
    const r = await startReceiver(answer);
    receivers.push(r);
    return r;
  }

  async function createWebhook(url: string, subscriptions: WebhookEventName[]) {
    const res = await api('POST', '/webhooks', { webhook: { url, subscriptions } });
    expect(res.statusCode, res.body).toBe(200);
    return res.json().payload.webhook as Webhook & { secret: string };
  }

  /** Waits until no delivery of the account is pending. */
  async function settled(timeoutMs = 15_000) {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const pending = await t.app.db
        .selectFrom('webhook_deliveries')
        .select('id')
        .where('status', '=', 'pending')
        .where('account_id', '=', world.accountId)
        .execute();
      if (pending.length === 0) return;
      if (Date.now() > deadline) throw new Error(`${pending.length} deliveries still pending`);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }

  const verified = (req: ReceivedRequest, secret: string) =>
    verifyWebhook(req.body, req.headers, { secret });

  beforeAll(async () => {
    t = await createTestApp(kind, { outboundPrivateHosts: ['127.0.0.1'], webhooks: FAST });
    world = await createWorld(t.app.db);
  });
  afterEach(async () => {
    await t.app.db.deleteFrom('webhooks').execute();
    for (const r of receivers.splice(0)) await r.close();
  });
  afterAll(() => t.close());

  it('delivers each subscribed event once, signed; an unsubscribed one is not sent', async () => {
    const all = await receiver();
    const contactsOnly = await receiver();
    const everything = await createWebhook(all.url, [
      'conversation_created',
      'conversation_status_changed',
      'conversation_updated',
      'message_created',
      'message_updated',
      'contact_created',
    ]);
    const updates = await createWebhook(contactsOnly.url, ['contact_updated']);

    const contact = await api('POST', '/contacts', {
      name: 'Webhook Person',
      email: 'wh@acme.test',
    });
    expect(contact.statusCode, contact.body).toBe(200);
    const contactId = contact.json().payload.contact.id as number;
    expect((await api('PATCH', `/contacts/${contactId}`, { name: 'Renamed' })).statusCode).toBe(
      200,
    );
    const created = await api('POST', '/conversations', {
      inbox_id: world.apiInboxId,
      contact_id: contactId,
    });
    expect(created.statusCode, created.body).toBe(200);
    const displayId = created.json().id as number;
    const message = await api('POST', `/conversations/${displayId}/messages`, {
      content: 'hello from the test',
      message_type: 'incoming',
    });
    expect(message.statusCode, message.body).toBe(200);
    const messageId = message.json().id as number;
    const resolved = await api('POST', `/conversations/${displayId}/toggle_status`, {
      status: 'resolved',
    });
    expect(resolved.statusCode, resolved.body).toBe(200);
    expect(
      (await api('DELETE', `/conversations/${displayId}/messages/${messageId}`)).statusCode,
    ).toBe(200);
    await settled();

    const got = all.requests.map((req) => verified(req, everything.secret));
    expect(got.map((g) => g.event).sort()).toEqual(
      [
        'contact_created',
        'conversation_created',
        // the incoming message touched the conversation (waiting since)
        'conversation_updated',
        'message_created',
        // resolving: both, as Chatwoot sends
        'conversation_status_changed',
        'conversation_updated',
        'message_updated',
      ].sort(),
    );
    expect(new Set(got.map((g) => g.deliveryId)).size).toBe(got.length);
    // Chatwoot's shapes: the event beside the entity's fields.
    const byEvent = (name: string) => got.find((g) => g.event === name)?.payload;
    expect(byEvent('contact_created')).toMatchObject({ id: contactId, name: 'Webhook Person' });
    expect(byEvent('conversation_created')).toMatchObject({ id: displayId, status: 'open' });
    expect(byEvent('conversation_status_changed')).toMatchObject({
      id: displayId,
      status: 'resolved',
    });
    expect(byEvent('message_created')).toMatchObject({
      id: messageId,
      content: 'hello from the test',
      message_type: 0,
    });
    for (const req of all.requests) {
      expect(req.method).toBe('POST');
      expect(req.headers['content-type']).toBe('application/json');
      expect(req.headers['x-bevatel-event']).toBe(JSON.parse(req.body).event);
    }
    // contact_updated went only to the webhook subscribed to it, once.
    const updated = contactsOnly.requests.map((req) => verified(req, updates.secret));
    expect(updated.map((g) => g.event)).toEqual(['contact_updated']);
    expect(updated[0]?.payload).toMatchObject({ id: contactId, name: 'Renamed' });
    // A signature made with another webhook's secret does not verify.
    expect(() => verified(all.requests[0] as ReceivedRequest, updates.secret)).toThrow(
      /does not match/,
    );
  });

  it('answers 500 three times, then 200: delivered on the fourth attempt', async () => {
    const flaky = await receiver((_req, index) => (index < 3 ? 500 : 200));
    const hook = await createWebhook(flaky.url, ['contact_created']);
    expect((await api('POST', '/contacts', { name: 'Retry Me' })).statusCode).toBe(200);
    await settled();
    expect(flaky.requests).toHaveLength(4);
    const checked = flaky.requests.map((req) => verified(req, hook.secret));
    expect(new Set(checked.map((c) => c.deliveryId)).size).toBe(1);
    // The schedule's waits (100 ms each here) lie between the tries.
    for (let i = 1; i < 4; i += 1) {
      const gap = (flaky.requests[i]?.at ?? 0) - (flaky.requests[i - 1]?.at ?? 0);
      expect(gap).toBeGreaterThanOrEqual(90);
    }
    const log = await api('GET', `/webhooks/${hook.id}/deliveries`);
    expect(log.statusCode).toBe(200);
    const [delivery] = log.json().payload;
    expect(delivery).toMatchObject({
      status: 'delivered',
      attempts: 4,
      last_status_code: 200,
      uuid: checked[0]?.deliveryId,
      last_response: 'answer 200 to #4',
    });
    const detail = (await api('GET', `/webhooks/${hook.id}/deliveries/${delivery.id}`)).json()
      .payload as WebhookDeliveryDetail;
    expect(detail.attempt_log.map((a) => a.status_code)).toEqual([500, 500, 500, 200]);
    expect(detail.payload).toMatchObject({ event: 'contact_created', name: 'Retry Me' });
  });

  it('marks a delivery failed when the schedule is spent; Redeliver sends it again', async () => {
    let healthy = false;
    const down = await receiver(() => (healthy ? 200 : 503));
    const hook = await createWebhook(down.url, ['contact_created']);
    expect((await api('POST', '/contacts', { name: 'Never Answered' })).statusCode).toBe(200);
    await settled();
    const [failed] = (await api('GET', `/webhooks/${hook.id}/deliveries`)).json().payload;
    expect(failed.status).toBe('failed');
    expect(failed.attempts).toBeGreaterThanOrEqual(4);
    expect(failed.last_status_code).toBe(503);
    const tries = down.requests.length;

    healthy = true;
    const again = await api('POST', `/webhooks/${hook.id}/deliveries/${failed.id}/redeliver`);
    expect(again.statusCode, again.body).toBe(200);
    await settled();
    expect(down.requests).toHaveLength(tries + 1);
    const last = verified(down.requests[tries] as ReceivedRequest, hook.secret);
    expect(last.deliveryId).toBe(failed.uuid);
    const [delivered] = (await api('GET', `/webhooks/${hook.id}/deliveries`)).json().payload;
    expect(delivered).toMatchObject({ status: 'delivered', attempts: tries + 1 });
  });

  it('signs with the rotated secret from the rotation on', async () => {
    const r = await receiver();
    const hook = await createWebhook(r.url, ['contact_created']);
    const rotated = await api('POST', `/webhooks/${hook.id}/rotate_secret`);
    expect(rotated.statusCode).toBe(200);
    const secret = rotated.json().payload.webhook.secret as string;
    expect(secret).not.toBe(hook.secret);
    expect((await api('POST', '/contacts', { name: 'After Rotation' })).statusCode).toBe(200);
    const [req] = await r.waitFor(1);
    expect(verified(req as ReceivedRequest, secret).event).toBe('contact_created');
    expect(() => verified(req as ReceivedRequest, hook.secret)).toThrow(/does not match/);
  });

  it('times out a receiver that does not answer, and retries', async () => {
    const stalled = await receiver((_req, index) => (index === 0 ? 'hang' : 200));
    const hook = await createWebhook(stalled.url, ['contact_created']);
    expect((await api('POST', '/contacts', { name: 'Slow Receiver' })).statusCode).toBe(200);
    await settled();
    const [delivery] = (await api('GET', `/webhooks/${hook.id}/deliveries`)).json().payload;
    const detail = (await api('GET', `/webhooks/${hook.id}/deliveries/${delivery.id}`)).json()
      .payload as WebhookDeliveryDetail;
    expect(detail.attempt_log[0]).toMatchObject({ status_code: null });
    expect(detail.attempt_log[0]?.error).toMatch(/^timeout/);
    expect(detail.attempt_log[0]?.duration_ms).toBeGreaterThanOrEqual(FAST.timeoutMs - 50);
    expect(detail.status).toBe('delivered');
  });

  it('checks the address again at delivery: a host that is private now is not called', async () => {
    const r = await receiver();
    const hook = await createWebhook(r.url, ['contact_created']);
    // As if its name had come to resolve to a private address after it was saved.
    await t.app.db
      .updateTable('webhooks')
      .set({ url: `https://localhost:${r.port}/hook` })
      .where('id', '=', hook.id)
      .execute();
    expect((await api('POST', '/contacts', { name: 'Rebound' })).statusCode).toBe(200);
    await settled();
    expect(r.requests).toHaveLength(0);
    const [delivery] = (await api('GET', `/webhooks/${hook.id}/deliveries`)).json().payload;
    expect(delivery.status).toBe('failed');
    expect(delivery.last_error).toMatch(/^private_address/);
  });

  it('refuses private, loopback and link-local URLs when saving', async () => {
    const machine = hostname();
    const addresses = await lookup(machine, { all: true });
    // The premise of the DNS case: this machine's name resolves to a non-public address.
    expect(addresses.some((a) => !isPublicAddress(a.address))).toBe(true);
    for (const url of [
      'https://10.1.2.3/hook',
      'https://169.254.169.254/latest/meta-data',
      'https://[::1]/hook',
      'https://localhost/hook',
      `https://${machine}/hook`,
    ]) {
      const res = await api('POST', '/webhooks', { url, subscriptions: ['message_created'] });
      expect(res.statusCode, url).toBe(422);
      expect(res.json(), url).toMatchObject({ field: 'url', message: /private/ });
    }
    expect(await t.app.db.selectFrom('webhooks').select('id').execute()).toEqual([]);
  });

  it('writes no delivery for a change that is rolled back', async () => {
    const r = await receiver();
    await createWebhook(r.url, ['contact_created']);
    await api('POST', '/contacts', { name: 'First', email: 'same@acme.test' });
    const duplicate = await api('POST', '/contacts', {
      name: 'Second',
      email: 'other@acme.test',
      inbox_id: world.apiInboxId,
      source_id: 'taken-source',
    });
    expect(duplicate.statusCode).toBe(200);
    // Same source_id again: the unique index fails the command after its contact row was
    // written; the transaction, and with it any outbox row, is rolled back.
    const clash = await api('POST', '/contacts', {
      name: 'Third',
      inbox_id: world.apiInboxId,
      source_id: 'taken-source',
    });
    expect(clash.statusCode, clash.body).toBe(422);
    await settled();
    const names = r.requests.map((req) => JSON.parse(req.body).name as string);
    expect(names.sort()).toEqual(['First', 'Second']);
  });
});
