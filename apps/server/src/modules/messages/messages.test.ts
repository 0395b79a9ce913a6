import type { Conversation, Message } from '@bevatel/protocol';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createTestApp, request, type TestApp } from '../../test/app';
import { DATABASE_KINDS } from '../../test/databases';
import { insertConversation, insertInbox } from '../../test/factories';
import { FIXTURE_PASSWORD, createWorld, type World } from '../../test/fixtures';
import { conversationsUrl, openConversation, recordEvents } from '../../test/conversations';

describe.each(DATABASE_KINDS)('messages on %s', (kind) => {
  let t: TestApp;
  let world: World;
  let bus: ReturnType<typeof recordEvents>;
  const messagesUrl = (c: Conversation, path = '') =>
    conversationsUrl(world, `/${c.id}/messages${path}`);
  const show = async (c: Conversation): Promise<Conversation> =>
    (await request(t.app, 'GET', conversationsUrl(world, `/${c.id}`), { as: world.admin })).json();

  beforeAll(async () => {
    t = await createTestApp(kind);
    world = await createWorld(t.app.db);
    bus = recordEvents(t.app);
  });
  afterAll(async () => {
    bus.stop();
    await t.close();
  });
  beforeEach(() => bus.clear());

  it('pages 20 messages at a time, oldest first, with the conversation’s meta', async () => {
    const c = await openConversation(t.app, world, { assignee_id: world.agent.id });
    for (let i = 1; i <= 45; i += 1) {
      const res = await request(t.app, 'POST', messagesUrl(c), {
        as: world.agent,
        body: { content: `m${i}`, message_type: i % 2 ? 'incoming' : 'outgoing' },
      });
      expect(res.statusCode, res.body).toBe(200);
    }
    const newest = await request(t.app, 'GET', messagesUrl(c), { as: world.agent });
    expect(newest.statusCode).toBe(200);
    const page = newest.json();
    expect(page.meta).toMatchObject({
      contact: { id: world.contactId, name: 'Sara Customer' },
      assignee: { id: world.agent.id, name: 'Omar Agent' },
      labels: [],
    });
    expect(page.payload.map((m: Message) => m.content)).toEqual(
      Array.from({ length: 20 }, (_, i) => `m${26 + i}`),
    );
    const oldestId = page.payload[0].id;
    const older = (
      await request(t.app, 'GET', messagesUrl(c, `?before=${oldestId}`), { as: world.agent })
    ).json();
    expect(older.payload.map((m: Message) => m.content)).toEqual(
      Array.from({ length: 20 }, (_, i) => `m${6 + i}`),
    );
    const oldest = (
      await request(t.app, 'GET', messagesUrl(c, `?before=${older.payload[0].id}`), {
        as: world.agent,
      })
    ).json();
    // The assignment activity, then m1..m5.
    expect(oldest.payload.map((m: Message) => m.content)).toEqual([
      'Assigned to Omar Agent by Amira Admin',
      'm1',
      'm2',
      'm3',
      'm4',
      'm5',
    ]);
    const after = (
      await request(t.app, 'GET', messagesUrl(c, `?after=${oldest.payload[5].id}`), {
        as: world.agent,
      })
    ).json();
    expect(after.payload[0].content).toBe('m6');
    expect(after.payload).toHaveLength(20);
    const window = (
      await request(
        t.app,
        'GET',
        messagesUrl(c, `?after=${oldest.payload[5].id}&before=${older.payload[3].id}`),
        { as: world.agent },
      )
    ).json();
    expect(window.payload.map((m: Message) => m.content)).toEqual(['m6', 'm7', 'm8']);
  });

  it('gives messages the conversation number agents see, not the row id', async () => {
    // A conversation in the other account first, so row ids and display ids part ways.
    await insertConversation(t.app.db, {
      account_id: world.otherAccountId,
      inbox_id: await insertInbox(t.app.db, world.otherAccountId),
      contact_id: world.otherAccountContactId,
    });
    const c = await openConversation(t.app, world);
    const row = await t.app.db
      .selectFrom('conversations')
      .select(['id', 'display_id'])
      .where('account_id', '=', world.accountId)
      .where('display_id', '=', c.id)
      .executeTakeFirstOrThrow();
    expect(row.id).not.toBe(row.display_id);
    const created = await request(t.app, 'POST', messagesUrl(c), {
      as: world.agent,
      body: { content: 'Which number am I?' },
    });
    expect(created.json().conversation_id).toBe(c.id);
    const listed = await request(t.app, 'GET', messagesUrl(c), { as: world.agent });
    const ids = listed.json().payload.map((m: Message) => m.conversation_id);
    expect(new Set(ids)).toEqual(new Set([c.id]));
    expect((await show(c)).messages[0]?.conversation_id).toBe(c.id);
  });

  it('creates an outgoing reply: sender user, echo_id, first reply and waiting_since', async () => {
    const c = await openConversation(t.app, world);
    await request(t.app, 'POST', messagesUrl(c), {
      as: world.agent,
      body: { content: 'My order is late', message_type: 'incoming' },
    });
    const waiting = await show(c);
    expect(waiting.waiting_since).toBeGreaterThan(0);
    expect(waiting.first_reply_created_at).toBeNull();
    bus.clear();
    const res = await request(t.app, 'POST', messagesUrl(c), {
      as: world.agent,
      body: { content: 'Let me check that for you', echo_id: 'tmp-42' },
    });
    expect(res.statusCode).toBe(200);
    const message = res.json();
    expect(message).toMatchObject({
      content: 'Let me check that for you',
      message_type: 1,
      content_type: 'text',
      content_attributes: {},
      private: false,
      status: 'sent',
      source_id: null,
      sender_type: 'User',
      sender_id: world.agent.id,
      inbox_id: world.apiInboxId,
      account_id: world.accountId,
      echo_id: 'tmp-42',
      sender: {
        id: world.agent.id,
        name: 'Omar Agent',
        available_name: 'Omar Agent',
        email: 'agent@acme.test',
        type: 'user',
        phone_number: null,
        identifier: null,
        custom_attributes: {},
        additional_attributes: {
          description: null,
          company_name: null,
          social_profiles: { github: null, twitter: null, facebook: null, linkedin: null },
        },
      },
    });
    expect(Number.isInteger(message.created_at)).toBe(true);
    expect(message.created_at).toBeLessThan(Date.now() / 1000 + 1);
    expect(bus.names()).toEqual(['message.created', 'conversation.updated']);
    expect(bus.events[0]).toMatchObject({ data: { id: message.id, echo_id: 'tmp-42' } });
    const replied = await show(c);
    expect(replied.waiting_since).toBeNull();
    expect(replied.first_reply_created_at).toBe(message.created_at);
    expect(replied.last_activity_at).toBeGreaterThanOrEqual(waiting.last_activity_at);
    expect(replied.messages[0]!.id).toBe(message.id);
  });

  it('injects customer messages with a token into API inboxes and reopens resolved conversations', async () => {
    const c = await openConversation(t.app, world);
    await request(t.app, 'POST', conversationsUrl(world, `/${c.id}/toggle_status`), {
      as: world.admin,
      body: { status: 'resolved' },
    });
    bus.clear();
    const res = await request(t.app, 'POST', messagesUrl(c), {
      as: world.admin,
      body: { content: 'مرحبا، أين طلبي؟', message_type: 'incoming', source_id: 'wamid-1' },
    });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      content: 'مرحبا، أين طلبي؟',
      message_type: 0,
      sender_type: 'Contact',
      source_id: 'wamid-1',
      sender: {
        id: world.contactId,
        type: 'contact',
        name: 'Sara Customer',
        email: 'sara@customer.test',
        phone_number: '+966500000001',
        additional_attributes: { company_name: 'Acme' },
        custom_attributes: { plan: 'gold' },
      },
    });
    expect(bus.names()).toEqual(['message.created', 'conversation.status_changed']);
    const reopened = await show(c);
    expect(reopened.status).toBe('open');
    expect(reopened.unread_count).toBe(1);
    expect(reopened.meta.sender.last_activity_at).toBe(res.json().created_at);
  });

  it('refuses incoming messages from a browser session or outside API inboxes', async () => {
    const c = await openConversation(t.app, world);
    const signIn = await request(t.app, 'POST', '/auth/sign_in', {
      body: { email: 'agent@acme.test', password: FIXTURE_PASSWORD },
    });
    const cookie = signIn.cookies.find((k) => k.name === 'bevatel_session')!.value;
    const csrf = signIn.json().data.csrf_token as string;
    const viaSession = await t.app.inject({
      method: 'POST',
      url: messagesUrl(c),
      cookies: { bevatel_session: cookie },
      headers: { 'x-csrf-token': csrf },
      payload: { content: 'fake customer', message_type: 'incoming' },
    });
    expect(viaSession.statusCode).toBe(422);
    expect(viaSession.json().field).toBe('message_type');
    const reply = await t.app.inject({
      method: 'POST',
      url: messagesUrl(c),
      cookies: { bevatel_session: cookie },
      headers: { 'x-csrf-token': csrf },
      payload: { content: 'a real reply' },
    });
    expect(reply.statusCode).toBe(200);
    const activity = await t.app.inject({
      method: 'POST',
      url: messagesUrl(c),
      cookies: { bevatel_session: cookie },
      headers: { 'x-csrf-token': csrf },
      payload: { content: 'System says hi', message_type: 'activity' },
    });
    expect(activity.statusCode).toBe(422);
    const forged = await request(t.app, 'POST', messagesUrl(c), {
      as: world.agent,
      body: { content: 'Amira Admin resolved the conversation', message_type: 'activity' },
    });
    expect(forged.statusCode).toBe(422);
    expect(forged.json().field).toBe('message_type');
    const scripted = await request(t.app, 'POST', messagesUrl(c), {
      as: world.admin,
      body: { content: 'Order #7781 shipped', message_type: 'activity' },
    });
    expect(scripted.json()).toMatchObject({ message_type: 2, sender: null, sender_type: null });
    const web = await openConversation(t.app, world, { inbox_id: world.widgetInboxId });
    const widget = await request(t.app, 'POST', messagesUrl(web), {
      as: world.admin,
      body: { content: 'x', message_type: 'incoming' },
    });
    expect(widget.statusCode).toBe(422);
  });

  it('keeps private notes private and out of the reply bookkeeping', async () => {
    const c = await openConversation(t.app, world);
    await request(t.app, 'POST', messagesUrl(c), {
      as: world.agent,
      body: { content: 'Hello?', message_type: 'incoming' },
    });
    const res = await request(t.app, 'POST', messagesUrl(c), {
      as: world.agent,
      body: { content: 'Customer is on the gold plan', private: true },
    });
    expect(res.json()).toMatchObject({ private: true, message_type: 1 });
    const after = await show(c);
    expect(after.waiting_since).not.toBeNull();
    expect(after.first_reply_created_at).toBeNull();
    const incomingNote = await request(t.app, 'POST', messagesUrl(c), {
      as: world.agent,
      body: { content: 'x', private: true, message_type: 'incoming' },
    });
    expect(incomingNote.statusCode).toBe(422);
    expect(incomingNote.json().field).toBe('private');
  });

  it('answers bad input with 4xx JSON naming the field, and unknown ids with 404', async () => {
    const c = await openConversation(t.app, world);
    const cases: [unknown, string][] = [
      [{}, 'content'],
      [{ content: '' }, 'content'],
      [{ content: '   ' }, 'content'],
      [{ content: 5 }, 'content'],
      [{ content: 'x'.repeat(150_001) }, 'content'],
      [{ content: 'x', message_type: 'template' }, 'message_type'],
      [{ content: 'x', private: 'yes' }, 'private'],
      [{ content: 'x', content_type: 'video' }, 'content_type'],
      [{ content: 'x', content_attributes: 'no' }, 'content_attributes'],
      [{ content: 'nul\u0000' }, 'content'],
    ];
    for (const [body, field] of cases) {
      const res = await request(t.app, 'POST', messagesUrl(c), { as: world.agent, body });
      expect(res.statusCode, JSON.stringify(body).slice(0, 80)).toBe(422);
      expect(res.json().field).toBe(field);
    }
    expect(
      (
        await request(t.app, 'POST', messagesUrl(c), {
          as: world.agent,
          body: '{bad',
          headers: { 'content-type': 'application/json' },
        })
      ).statusCode,
    ).toBe(400);
    const long = await request(t.app, 'POST', messagesUrl(c), {
      as: world.agent,
      body: { content: 'ي'.repeat(150_000) },
    });
    expect(long.statusCode).toBe(200);
    for (const [path, status] of [
      ['/conversations/424242/messages', 404],
      ['/conversations/abc/messages', 422],
    ] as const) {
      const res = await request(t.app, 'GET', `/api/v1/accounts/${world.accountId}${path}`, {
        as: world.admin,
      });
      expect(res.statusCode).toBe(status);
    }
    const badBefore = await request(t.app, 'GET', messagesUrl(c, '?before=x'), { as: world.admin });
    expect(badBefore.statusCode).toBe(422);
    expect(badBefore.json().field).toBe('before');
    const outsider = await request(t.app, 'POST', messagesUrl(c), {
      as: world.outsider,
      body: { content: 'hi' },
    });
    expect(outsider.statusCode).toBe(404);
    const stranger = await request(t.app, 'GET', messagesUrl(c), { as: world.stranger });
    expect(stranger.statusCode).toBe(404);
    expect(bus.events.filter((e) => e.event === 'message.created')).toHaveLength(1);
  });

  it('deletes for the sender or an administrator, keeping the row', async () => {
    const c = await openConversation(t.app, world);
    const mine = (
      await request(t.app, 'POST', messagesUrl(c), { as: world.agent, body: { content: 'oops' } })
    ).json();
    const admins = (
      await request(t.app, 'POST', messagesUrl(c), {
        as: world.admin,
        body: { content: 'by admin' },
      })
    ).json();
    const forbidden = await request(t.app, 'DELETE', messagesUrl(c, `/${admins.id}`), {
      as: world.agent,
    });
    expect(forbidden.statusCode).toBe(403);
    bus.clear();
    const deleted = await request(t.app, 'DELETE', messagesUrl(c, `/${mine.id}`), {
      as: world.agent,
    });
    expect(deleted.statusCode).toBe(200);
    expect(deleted.json()).toMatchObject({
      id: mine.id,
      content: 'This message was deleted',
      content_attributes: { deleted: true },
    });
    expect(bus.names()).toEqual(['message.updated']);
    const again = await request(t.app, 'DELETE', messagesUrl(c, `/${mine.id}`), {
      as: world.agent,
    });
    expect(again.statusCode).toBe(200);
    expect(bus.names()).toEqual(['message.updated']);
    const byAdmin = await request(t.app, 'DELETE', messagesUrl(c, `/${admins.id}`), {
      as: world.admin,
    });
    expect(byAdmin.statusCode).toBe(200);
    const other = await openConversation(t.app, world);
    const elsewhere = await request(t.app, 'DELETE', messagesUrl(other, `/${admins.id}`), {
      as: world.admin,
    });
    expect(elsewhere.statusCode).toBe(404);
    const unknown = await request(t.app, 'DELETE', messagesUrl(c, '/424242'), {
      as: world.admin,
    });
    expect(unknown.statusCode).toBe(404);
    const malformed = await request(t.app, 'DELETE', messagesUrl(c, '/abc'), { as: world.admin });
    expect(malformed.statusCode).toBe(422);
    expect(malformed.json().field).toBe('message_id');
  });
});
