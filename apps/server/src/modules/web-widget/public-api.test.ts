import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, request, type TestApp } from '../../test/app';
import { DATABASE_KINDS } from '../../test/databases';
import { createWorld, WORLD_WIDGET, type World } from '../../test/fixtures';
import { insertContact } from '../../test/factories';
import { isEvent, openSocket, type TestSocket } from '../../realtime/testing';
import { identifierHash } from '../../lib/widget-tokens';
import { encodeForm, messageForm, pngImage } from '../../test/uploads';

const CHROME_UA =
  'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36';
const INBOX = `/public/api/v1/inboxes/${WORLD_WIDGET.inboxIdentifier}`;

describe.each(DATABASE_KINDS)('website widget public API on %s', (kind) => {
  let t: TestApp;
  let w: World;
  const sockets: TestSocket[] = [];
  const account = () => `/api/v1/accounts/${w.accountId}`;

  beforeAll(async () => {
    t = await createTestApp(kind, { trustProxy: ['127.0.0.1'] });
    w = await createWorld(t.app.db);
    await t.app.listen({ port: 0, host: '127.0.0.1' });
  });
  afterAll(async () => {
    await Promise.all(sockets.map((s) => s.close()));
    await t.close();
  });

  /** A new visitor, each from its own address so per-address budgets stay out of the way. */
  let address = 10;
  async function newVisitor(body: Record<string, unknown> = {}) {
    address += 1;
    const res = await request(t.app, 'POST', `${INBOX}/contacts`, {
      body,
      headers: { 'x-forwarded-for': `198.51.100.${address}` },
    });
    expect(res.statusCode, res.body).toBe(200);
    return res.json() as { id: number; source_id: string; pubsub_token: string };
  }

  async function startConversation(sourceId: string, content = 'Where is my order?') {
    const res = await request(t.app, 'POST', `${INBOX}/contacts/${sourceId}/conversations`, {
      body: {
        referer_url: 'https://shop.test/orders/42',
        initiated_at: 'Tue Dec 02 2026 10:00:00 GMT+0300',
        message: { content, echo_id: 'first' },
      },
      headers: { 'user-agent': CHROME_UA },
    });
    expect(res.statusCode, res.body).toBe(200);
    return res.json() as { id: number; messages: { content: string }[] };
  }

  it('lets a visitor start a conversation whose browser fields the agent sees', async () => {
    const visitor = await newVisitor({ name: 'Nadia' });
    expect(visitor.source_id).toMatch(/^[0-9a-f-]{36}$/);
    expect(visitor.pubsub_token.length).toBeGreaterThanOrEqual(24);
    const conversation = await startConversation(visitor.source_id);
    expect(conversation.messages.map((m) => m.content)).toEqual(['Where is my order?']);

    const seen = await request(t.app, 'GET', `${account()}/conversations/${conversation.id}`, {
      as: w.admin,
    });
    expect(seen.statusCode).toBe(200);
    expect(seen.json().meta).toMatchObject({ channel: 'Channel::WebWidget', hmac_verified: false });
    expect(seen.json().meta.sender.name).toBe('Nadia');
    expect(seen.json().additional_attributes).toMatchObject({
      browser: {
        browser_name: 'Chrome',
        browser_version: '131.0.0.0',
        platform_name: 'Linux',
        device_name: 'desktop',
      },
      referer: 'https://shop.test/orders/42',
      initiated_at: { timestamp: 'Tue Dec 02 2026 10:00:00 GMT+0300' },
    });

    // The agent's reply reaches the visitor; a private note never does.
    await request(t.app, 'POST', `${account()}/conversations/${conversation.id}/messages`, {
      as: w.admin,
      body: { content: 'It ships today' },
    });
    await request(t.app, 'POST', `${account()}/conversations/${conversation.id}/messages`, {
      as: w.admin,
      body: { content: 'internal: check stock', private: true },
    });
    const messages = await request(
      t.app,
      'GET',
      `${INBOX}/contacts/${visitor.source_id}/conversations/${conversation.id}/messages`,
    );
    expect(messages.json().map((m: { content: string }) => m.content)).toEqual([
      'Where is my order?',
      'It ships today',
    ]);
    const reply = messages.json()[1];
    expect(reply.sender).toEqual({
      id: w.admin.id,
      name: 'Amira Admin',
      type: 'user',
      avatar_url: null,
    });
    expect(JSON.stringify(messages.json())).not.toContain('admin@acme.test');

    // A client without a User-Agent (a script) still opens one; its browser is "Unknown".
    const bare = await t.app.inject({
      method: 'POST',
      url: `${INBOX}/contacts/${visitor.source_id}/conversations`,
      payload: {},
      headers: { 'user-agent': '' },
    });
    expect(bare.statusCode, bare.body).toBe(200);
    const bareSeen = await request(t.app, 'GET', `${account()}/conversations/${bare.json().id}`, {
      as: w.admin,
    });
    expect(bareSeen.json().additional_attributes.browser.browser_name).toBe('Unknown');
  });

  it('hands the visitor the files an agent sends, with signed links', async () => {
    const visitor = await newVisitor({ name: 'Farah' });
    const conversation = await startConversation(visitor.source_id, 'Can you send a photo?');
    const { payload, headers } = await encodeForm(
      messageForm({ content: 'Here it is' }, [{ fileName: 'item.png', data: await pngImage() }]),
    );
    const sent = await request(
      t.app,
      'POST',
      `${account()}/conversations/${conversation.id}/messages`,
      {
        as: w.admin,
        body: payload,
        headers,
      },
    );
    expect(sent.statusCode, sent.body).toBe(200);
    const messages = await request(
      t.app,
      'GET',
      `${INBOX}/contacts/${visitor.source_id}/conversations/${conversation.id}/messages`,
    );
    expect(messages.statusCode).toBe(200);
    const reply = messages.json()[1];
    expect(reply.attachments).toEqual(sent.json().attachments);
    expect(reply.attachments[0]).toMatchObject({ file_type: 'image', file_name: 'item.png' });
    expect(messages.json()[0]).not.toHaveProperty('attachments');
  });

  it('never lets one visitor reach another visitor’s conversation', async () => {
    const alice = await newVisitor();
    const bob = await newVisitor();
    const conversation = await startConversation(alice.source_id, 'Alice private question');
    const paths = [
      ['GET', `${INBOX}/contacts/${bob.source_id}/conversations/${conversation.id}`],
      ['GET', `${INBOX}/contacts/${bob.source_id}/conversations/${conversation.id}/messages`],
      ['POST', `${INBOX}/contacts/${bob.source_id}/conversations/${conversation.id}/messages`],
      ['POST', `${INBOX}/contacts/${bob.source_id}/conversations/${conversation.id}/toggle_typing`],
    ] as const;
    for (const [method, path] of paths) {
      const body =
        method === 'POST'
          ? path.endsWith('typing')
            ? { typing_status: 'on' }
            : { content: 'hijack' }
          : undefined;
      const res = await request(t.app, method, path, { body });
      expect(res.statusCode, path).toBe(404);
    }
    const bobs = await request(t.app, 'GET', `${INBOX}/contacts/${bob.source_id}/conversations`);
    expect(bobs.json()).toEqual([]);
    // Someone else's source id under another inbox is nobody.
    const elsewhere = await request(
      t.app,
      'GET',
      `/public/api/v1/inboxes/otherinbox/contacts/${alice.source_id}/conversations`,
    );
    expect(elsewhere.statusCode).toBe(404);
    const stored = await t.app.db
      .selectFrom('messages')
      .select('content')
      .where('content', '=', 'hijack')
      .execute();
    expect(stored).toEqual([]);
  });

  it('merges a verified visitor into the existing contact and marks hmac_verified', async () => {
    const existing = await insertContact(t.app.db, w.accountId, {
      name: 'Sara Customer',
      email: 'sara.verified@customer.test',
      identifier: 'customer-77',
    });
    const visitor = await newVisitor();
    const conversation = await startConversation(visitor.source_id, 'Hello as anonymous');
    const hash = identifierHash('customer-77', WORLD_WIDGET.hmacToken);
    const res = await request(t.app, 'PATCH', `${INBOX}/contacts/${visitor.source_id}`, {
      body: { identifier: 'customer-77', identifier_hash: hash, name: 'Sara C.' },
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({
      id: existing,
      hmac_verified: true,
      identifier: 'customer-77',
    });
    const seen = await request(t.app, 'GET', `${account()}/conversations/${conversation.id}`, {
      as: w.admin,
    });
    expect(seen.json().meta.hmac_verified).toBe(true);
    expect(seen.json().meta.sender.id).toBe(existing);
    // The anonymous contact had nothing else: it is gone.
    const left = await t.app.db
      .selectFrom('contacts')
      .select('id')
      .where('id', '=', visitor.id)
      .execute();
    expect(left).toEqual([]);
    // The visitor keeps its key and still reads its conversation.
    const again = await request(
      t.app,
      'GET',
      `${INBOX}/contacts/${visitor.source_id}/conversations/${conversation.id}`,
    );
    expect(again.statusCode).toBe(200);
  });

  it('refuses a forged hash and never hands an unverified visitor an existing contact', async () => {
    const victim = await insertContact(t.app.db, w.accountId, {
      name: 'Victim',
      email: 'victim@customer.test',
      identifier: 'customer-99',
    });
    const visitor = await newVisitor();
    const forged = await request(t.app, 'PATCH', `${INBOX}/contacts/${visitor.source_id}`, {
      body: { identifier: 'customer-99', identifier_hash: 'ab'.repeat(32) },
    });
    expect(forged.statusCode).toBe(401);
    expect(forged.json()).toMatchObject({ field: 'identifier_hash' });
    const created = await request(t.app, 'POST', `${INBOX}/contacts`, {
      body: { identifier: 'customer-99', identifier_hash: 'not-even-hex' },
    });
    expect(created.statusCode).toBe(401);

    const unverified = await request(t.app, 'PATCH', `${INBOX}/contacts/${visitor.source_id}`, {
      body: { identifier: 'customer-99', email: 'victim@customer.test', name: 'Victim' },
    });
    expect(unverified.statusCode).toBe(200);
    expect(unverified.json()).toMatchObject({
      id: visitor.id,
      hmac_verified: false,
      identifier: null,
    });
    expect(unverified.json().id).not.toBe(victim);
    const link = await t.app.db
      .selectFrom('contact_inboxes')
      .select(['contact_id', 'hmac_verified'])
      .where('source_id', '=', visitor.source_id)
      .executeTakeFirstOrThrow();
    expect(link).toEqual({ contact_id: visitor.id, hmac_verified: 0 });
    const victimRow = await t.app.db
      .selectFrom('contacts')
      .select('identifier')
      .where('id', '=', visitor.id)
      .executeTakeFirstOrThrow();
    expect(victimRow.identifier).toBeNull();
  });

  it('answers the launcher only on allowed sites', async () => {
    await request(t.app, 'PATCH', `${account()}/inboxes/${w.widgetInboxId}`, {
      as: w.admin,
      body: { channel: { allowed_domains: ['shop.test', '*.shop.test'] } },
    });
    const url = `/public/api/v1/widget/${WORLD_WIDGET.websiteToken}`;
    const allowed = await request(t.app, 'GET', url, {
      headers: { origin: 'https://eu.shop.test' },
    });
    expect(allowed.statusCode).toBe(200);
    expect(allowed.headers['access-control-allow-origin']).toBe('https://eu.shop.test');
    const refused = await request(t.app, 'GET', url, { headers: { origin: 'https://evil.test' } });
    expect(refused.statusCode).toBe(403);
    expect(refused.headers['access-control-allow-origin']).toBeUndefined();
    await request(t.app, 'PATCH', `${account()}/inboxes/${w.widgetInboxId}`, {
      as: w.admin,
      body: { channel: { allowed_domains: '' } },
    });
  });

  it('limits requests per visitor and new visitors per address', async () => {
    const visitor = await newVisitor();
    const path = `${INBOX}/contacts/${visitor.source_id}`;
    let status = 200;
    let count = 0;
    while (status === 200 && count < 200) {
      count += 1;
      status = (
        await request(t.app, 'GET', path, { headers: { 'x-forwarded-for': `203.0.113.${count}` } })
      ).statusCode;
    }
    expect(status).toBe(429);
    expect(count).toBe(121);
    const other = await newVisitor();
    expect((await request(t.app, 'GET', `${INBOX}/contacts/${other.source_id}`)).statusCode).toBe(
      200,
    );

    const headers = { 'x-forwarded-for': '192.0.2.200' };
    const results: number[] = [];
    for (let i = 0; i < 31; i += 1) {
      results.push(
        (await request(t.app, 'POST', `${INBOX}/contacts`, { body: {}, headers })).statusCode,
      );
    }
    expect(results.slice(0, 30).every((s) => s === 200)).toBe(true);
    const limited = await request(t.app, 'POST', `${INBOX}/contacts`, { body: {}, headers });
    expect(limited.statusCode).toBe(429);
    expect(limited.headers['retry-after']).toBeDefined();
    expect(limited.json()).toMatchObject({ statusCode: 429 });
  });

  it('tells the visitor’s socket of replies and typing, and agents of the visitor typing', async () => {
    const port = (t.app.server.address() as AddressInfo).port;
    const visitor = await newVisitor({ name: 'Live' });
    const conversation = await startConversation(visitor.source_id, 'Live question');
    const other = await newVisitor();
    const visitorSocket = await openSocket(
      `ws://127.0.0.1:${port}/cable?pubsub_token=${visitor.pubsub_token}`,
    );
    const otherSocket = await openSocket(
      `ws://127.0.0.1:${port}/cable?pubsub_token=${other.pubsub_token}`,
    );
    const agentSocket = await openSocket(`ws://127.0.0.1:${port}/cable?account_id=${w.accountId}`, {
      headers: { api_access_token: w.admin.access_token },
    });
    sockets.push(visitorSocket, otherSocket, agentSocket);
    await visitorSocket.next((m) => 'type' in m && m.type === 'subscribed');
    await agentSocket.next((m) => 'type' in m && m.type === 'subscribed');

    await request(
      t.app,
      'POST',
      `${account()}/conversations/${conversation.id}/toggle_typing_status`,
      {
        as: w.admin,
        body: { typing_status: 'on' },
      },
    );
    const typing = await visitorSocket.next(isEvent('visitor.typing'));
    expect(typing).toMatchObject({
      data: { conversation_id: conversation.id, typing: true, name: 'Amira Admin' },
    });
    await request(t.app, 'POST', `${account()}/conversations/${conversation.id}/messages`, {
      as: w.admin,
      body: { content: 'Live answer' },
    });
    const reply = await visitorSocket.next(isEvent('visitor.message.created'));
    expect(reply).toMatchObject({
      data: { content: 'Live answer', conversation_id: conversation.id },
    });
    await request(t.app, 'POST', `${account()}/conversations/${conversation.id}/messages`, {
      as: w.admin,
      body: { content: 'note', private: true },
    });
    await visitorSocket.quiet(
      (m) => 'event' in m && m.event === 'visitor.message.created' && m.data.content === 'note',
      300,
    );
    await otherSocket.quiet((m) => 'event' in m, 100);

    await request(
      t.app,
      'POST',
      `${INBOX}/contacts/${visitor.source_id}/conversations/${conversation.id}/toggle_typing`,
      { body: { typing_status: 'on' } },
    );
    const agentSees = await agentSocket.next(
      isEvent('conversation.typing', (data) => (data.user as { type: string }).type === 'contact'),
    );
    expect(agentSees).toMatchObject({
      data: {
        conversation_id: conversation.id,
        typing: true,
        user: { type: 'contact', name: 'Live' },
      },
    });
    // Agents never receive the visitor's copy of events.
    expect(agentSocket.received.some((m) => 'event' in m && m.event.startsWith('visitor.'))).toBe(
      false,
    );
    const refused = await openSocket(`ws://127.0.0.1:${port}/cable?pubsub_token=nope`).catch(
      (error: { statusCode: number }) => error.statusCode,
    );
    expect(refused).toBe(401);
  });
});
