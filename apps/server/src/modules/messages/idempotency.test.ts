import type { Conversation } from '@bevatel/protocol';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createTestApp, request, type TestApp } from '../../test/app';
import { DATABASE_KINDS } from '../../test/databases';
import { createWorld, type World } from '../../test/fixtures';
import { conversationsUrl, openConversation, recordEvents } from '../../test/conversations';

describe.each(DATABASE_KINDS)('message creation retried (%s)', (kind) => {
  let t: TestApp;
  let world: World;
  let bus: ReturnType<typeof recordEvents>;
  const messagesUrl = (c: Conversation) => conversationsUrl(world, `/${c.id}/messages`);
  const stored = async (c: Conversation) =>
    t.app.db
      .selectFrom('messages')
      .innerJoin('conversations', 'conversations.id', 'messages.conversation_id')
      .select(['messages.id', 'messages.content', 'messages.echo_id', 'messages.source_id'])
      .where('conversations.account_id', '=', world.accountId)
      .where('conversations.display_id', '=', c.id)
      .orderBy('messages.id')
      .execute();

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

  it('answers a retry with the same echo_id with the first message, stored and published once', async () => {
    const c = await openConversation(t.app, world);
    bus.clear();
    const body = { content: 'Your refund is on its way', echo_id: 'tab-1:msg-7' };
    const first = await request(t.app, 'POST', messagesUrl(c), { as: world.agent, body });
    const again = await request(t.app, 'POST', messagesUrl(c), { as: world.agent, body });
    expect(first.statusCode, first.body).toBe(200);
    expect(again.statusCode, again.body).toBe(200);
    expect(again.json()).toEqual(first.json());
    expect(first.json()).toMatchObject({ echo_id: 'tab-1:msg-7', content: body.content });
    expect(await stored(c)).toEqual([
      expect.objectContaining({ content: body.content, echo_id: 'tab-1:msg-7' }),
    ]);
    expect(bus.names().filter((n) => n === 'message.created')).toHaveLength(1);
  });

  it('keeps one message when the same retry arrives many times at once', async () => {
    const c = await openConversation(t.app, world);
    const body = { content: 'Sent from a flaky connection', echo_id: 'burst-1' };
    const answers = await Promise.all(
      Array.from({ length: 6 }, () =>
        request(t.app, 'POST', messagesUrl(c), { as: world.agent, body }),
      ),
    );
    for (const answer of answers) expect(answer.statusCode, answer.body).toBe(200);
    expect(new Set(answers.map((a) => a.json().id)).size).toBe(1);
    expect(await stored(c)).toHaveLength(1);
  });

  it('scopes echo_id to the conversation', async () => {
    const a = await openConversation(t.app, world);
    const b = await openConversation(t.app, world);
    const body = { content: 'Same words, two customers', echo_id: 'shared-1' };
    const inA = await request(t.app, 'POST', messagesUrl(a), { as: world.agent, body });
    const inB = await request(t.app, 'POST', messagesUrl(b), { as: world.agent, body });
    expect(inA.json().id).not.toBe(inB.json().id);
    expect(await stored(a)).toHaveLength(1);
    expect(await stored(b)).toHaveLength(1);
  });

  it('refuses a key already used for a different message: 409 naming it, nothing stored', async () => {
    const c = await openConversation(t.app, world);
    await request(t.app, 'POST', messagesUrl(c), {
      as: world.agent,
      body: { content: 'first', echo_id: 'reused' },
    });
    const other = await request(t.app, 'POST', messagesUrl(c), {
      as: world.agent,
      body: { content: 'something else', echo_id: 'reused' },
    });
    expect(other.statusCode).toBe(409);
    expect(other.json()).toEqual({
      error: 'conflict',
      message: 'echo_id was already used for another message in this conversation',
      field: 'echo_id',
      statusCode: 409,
    });
    const asNote = await request(t.app, 'POST', messagesUrl(c), {
      as: world.agent,
      body: { content: 'first', echo_id: 'reused', private: true },
    });
    expect(asNote.statusCode).toBe(409);
    const byAdmin = await request(t.app, 'POST', messagesUrl(c), {
      as: world.admin,
      body: { content: 'first', echo_id: 'reused' },
    });
    expect(byAdmin.statusCode).toBe(409);
    expect(await stored(c)).toHaveLength(1);
  });

  it('answers a retried incoming message with the same source_id on an API inbox once', async () => {
    const c = await openConversation(t.app, world);
    const body = { content: 'Where is my order?', message_type: 'incoming', source_id: 'wa-123' };
    const first = await request(t.app, 'POST', messagesUrl(c), { as: world.admin, body });
    const again = await request(t.app, 'POST', messagesUrl(c), { as: world.admin, body });
    expect(first.statusCode, first.body).toBe(200);
    expect(again.json().id).toBe(first.json().id);
    expect(await stored(c)).toEqual([expect.objectContaining({ source_id: 'wa-123' })]);
    const clash = await request(t.app, 'POST', messagesUrl(c), {
      as: world.admin,
      body: { ...body, content: 'A different message' },
    });
    expect(clash.statusCode).toBe(409);
    expect(clash.json()).toMatchObject({ field: 'source_id' });
  });

  it('still answers a retry of a message deleted since', async () => {
    const c = await openConversation(t.app, world);
    const body = { content: 'Oops', echo_id: 'to-delete' };
    const first = (await request(t.app, 'POST', messagesUrl(c), { as: world.agent, body })).json();
    await request(t.app, 'DELETE', `${messagesUrl(c)}/${first.id}`, { as: world.agent });
    const again = await request(t.app, 'POST', messagesUrl(c), { as: world.agent, body });
    expect(again.statusCode).toBe(200);
    expect(again.json()).toMatchObject({ id: first.id, content_attributes: { deleted: true } });
  });
});
