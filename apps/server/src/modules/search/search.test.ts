import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, request, type TestApp } from '../../test/app';
import { DATABASE_KINDS } from '../../test/databases';
import { insertContact } from '../../test/factories';
import { createWorld, type FixtureUser, type World } from '../../test/fixtures';

interface Found {
  conversations: { id: number; status: string; inbox_id: number }[];
  contacts: { id: number; name: string | null }[];
  messages: { id: number; content: string; conversation_id: number; private: boolean }[];
}

/**
 * `GET search?q=` finds across tabs and statuses what the caller may see: conversations,
 * contacts and messages, Chatwoot's shape; agents only in their inboxes.
 */
describe.each(DATABASE_KINDS)('search (%s)', (kind) => {
  let t: TestApp;
  let world: World;
  let apiResolved: number;
  let widgetOpen: number;

  const api = (as: FixtureUser, method: 'GET' | 'POST', path: string, body?: unknown) =>
    request(t.app, method, `/api/v1/accounts/${world.accountId}/${path}`, { as, body });
  const search = async (as: FixtureUser, q: string): Promise<Found> => {
    const res = await api(as, 'GET', `search?q=${encodeURIComponent(q)}`);
    expect(res.statusCode).toBe(200);
    return res.json().payload as Found;
  };
  const conversation = async (inboxId: number, contactId: number, first: string) =>
    (
      await api(world.admin, 'POST', 'conversations', {
        inbox_id: inboxId,
        contact_id: contactId,
        message: { content: first },
      })
    ).json().id as number;

  beforeAll(async () => {
    t = await createTestApp(kind);
    world = await createWorld(t.app.db);
    const rana = await insertContact(t.app.db, world.accountId, {
      name: 'Rana Refundson',
      email: 'rana@example.com',
    });
    apiResolved = await conversation(world.apiInboxId, rana, 'Hello');
    await api(world.admin, 'POST', `conversations/${apiResolved}/messages`, {
      content: 'I would like a REFUND for order 1001',
      message_type: 'incoming',
    });
    await api(world.admin, 'POST', `conversations/${apiResolved}/messages`, {
      content: 'refund note: approved by finance',
      private: true,
    });
    await api(world.admin, 'POST', `conversations/${apiResolved}/toggle_status`, {
      status: 'resolved',
    });
    widgetOpen = await conversation(world.widgetInboxId, world.contactId, 'Where is my refund?');
  });
  afterAll(() => t.close());

  it('finds conversations of every status, contacts and messages, for an administrator', async () => {
    const found = await search(world.admin, 'refund');
    expect(found.conversations.map((c) => c.id).sort()).toEqual([apiResolved, widgetOpen].sort());
    expect(found.conversations.find((c) => c.id === apiResolved)?.status).toBe('resolved');
    expect(found.contacts.map((c) => c.name)).toEqual(['Rana Refundson']);
    // Case-insensitive; private notes are not messages to find.
    expect(found.messages.map((m) => m.content).sort()).toEqual([
      'I would like a REFUND for order 1001',
      'Where is my refund?',
    ]);
    expect(found.messages.every((m) => !m.private)).toBe(true);
    const ids = found.messages.map((m) => m.conversation_id).sort();
    expect(ids).toEqual([apiResolved, widgetOpen].sort());
  });

  it('finds in the conversation list’s q what it finds here: never a private note’s words', async () => {
    const list = async (q: string) =>
      (await api(world.admin, 'GET', `conversations?status=all&q=${encodeURIComponent(q)}`)).json()
        .data.payload as { id: number }[];
    expect((await list('approved by finance')).map((c) => c.id)).toEqual([]);
    expect((await search(world.admin, 'approved by finance')).conversations).toEqual([]);
    expect((await list('REFUND for order')).map((c) => c.id)).toEqual([apiResolved]);
  });

  it('shows an agent only their inboxes’ conversations and messages', async () => {
    const agent = await search(world.agent, 'refund');
    expect(agent.conversations.map((c) => c.id)).toEqual([apiResolved]);
    expect(agent.messages.map((m) => m.conversation_id)).toEqual([apiResolved]);
    const outsider = await search(world.outsider, 'refund');
    expect(outsider.conversations).toEqual([]);
    expect(outsider.messages).toEqual([]);
  });

  it('finds nothing when nothing matches, and refuses an empty search', async () => {
    expect(await search(world.admin, 'no-such-words-anywhere')).toEqual({
      conversations: [],
      contacts: [],
      messages: [],
    });
    const res = await api(world.admin, 'GET', 'search?q=%20');
    expect(res.statusCode).toBe(422);
    expect(res.json().field).toBe('q');
  });
});
