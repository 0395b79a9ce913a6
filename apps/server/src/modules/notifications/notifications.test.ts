import { mentionMarkup, type Notification } from '@bevatel/protocol';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Audience } from '../../realtime/bus';
import { canSee, type Connection } from '../../realtime/hub';
import { createTestApp, request, type AsUser, type TestApp } from '../../test/app';
import { conversationsUrl, openConversation } from '../../test/conversations';
import { DATABASE_KINDS } from '../../test/databases';
import { insertAgent } from '../../test/factories';
import { createWorld, type World } from '../../test/fixtures';

describe.each(DATABASE_KINDS)('notifications on %s', (kind) => {
  let t: TestApp;
  let w: World;
  const base = () => `/api/v1/accounts/${w.accountId}/notifications`;
  const list = async (as: AsUser) => {
    const res = await request(t.app, 'GET', base(), { as });
    expect(res.statusCode).toBe(200);
    return res.json() as {
      data: { meta: { unread_count: number; count: number }; payload: Notification[] };
    };
  };
  const unread = async (as: AsUser) =>
    (await request(t.app, 'GET', `${base()}/unread_count`, { as })).json() as number;
  /** Notifications published on the bus, with who they were addressed to. */
  const published: { audience: Audience; event: string; data: unknown }[] = [];

  beforeAll(async () => {
    t = await createTestApp(kind);
    w = await createWorld(t.app.db);
    t.app.realtimeBus.subscribe(({ audience, envelope }) => {
      if (envelope.event.startsWith('notification.')) {
        published.push({ audience, event: envelope.event, data: envelope.data });
      }
    });
  });
  afterAll(() => t.close());

  const assign = (displayId: number, assigneeId: number, as: AsUser) =>
    request(t.app, 'POST', conversationsUrl(w, `/${displayId}/assignments`), {
      as,
      body: { assignee_id: assigneeId },
    });

  it('tells an agent assigned by someone else, only them, and not a self-assignment', async () => {
    const conversation = await openConversation(t.app, w);
    published.length = 0;
    expect((await assign(conversation.id, w.agent.id, w.admin)).statusCode).toBe(200);
    const mine = await list(w.agent);
    expect(mine.data.meta).toMatchObject({ unread_count: 1, count: 1 });
    expect(mine.data.payload[0]).toMatchObject({
      notification_type: 'conversation_assignment',
      primary_actor_type: 'Conversation',
      primary_actor: { id: conversation.id, inbox_id: w.apiInboxId, status: 'open' },
      push_message_title: `A conversation (#${conversation.id}) has been assigned to you`,
      read_at: null,
      user: { id: w.agent.id, type: 'user' },
      secondary_actor: null,
    });
    expect(await unread(w.agent)).toBe(1);
    // Nobody else reads it: not the admin who assigned, not the outsider.
    expect((await list(w.admin)).data.payload).toEqual([]);
    expect((await list(w.outsider)).data.payload).toEqual([]);
    expect(published).toEqual([
      {
        audience: { accountId: w.accountId, inboxId: w.apiInboxId, userId: w.agent.id },
        event: 'notification.created',
        data: mine.data.payload[0],
      },
    ]);

    const other = await openConversation(t.app, w);
    expect((await assign(other.id, w.agent.id, w.agent)).statusCode).toBe(200);
    expect(await unread(w.agent)).toBe(1);
    // Assigned when created, by someone else: told too.
    await openConversation(t.app, w, { assignee_id: w.agent.id });
    expect(await unread(w.agent)).toBe(2);
  });

  it('marks read, unread again, and all read; events go to the reader alone', async () => {
    const [first] = (await list(w.agent)).data.payload;
    published.length = 0;
    const read = await request(t.app, 'PATCH', `${base()}/${first!.id}`, { as: w.agent });
    expect(read.statusCode).toBe(200);
    expect(read.json().read_at).toEqual(expect.any(Number));
    expect(await unread(w.agent)).toBe(1);
    // Again: nothing changes, no event.
    await request(t.app, 'PATCH', `${base()}/${first!.id}`, { as: w.agent, body: {} });
    const again = await request(t.app, 'PATCH', `${base()}/${first!.id}`, {
      as: w.agent,
      body: { read_at: null },
    });
    expect(again.json().read_at).toBeNull();
    expect(published.map((p) => [p.event, p.audience.userId])).toEqual([
      ['notification.updated', w.agent.id],
      ['notification.updated', w.agent.id],
    ]);
    // Someone else's is not found, even for an administrator.
    const foreign = await request(t.app, 'PATCH', `${base()}/${first!.id}`, { as: w.admin });
    expect(foreign.statusCode).toBe(404);
    expect(foreign.json()).toMatchObject({ error: 'not_found' });

    const all = await request(t.app, 'POST', `${base()}/read_all`, { as: w.agent });
    expect(all.statusCode).toBe(200);
    expect(all.json()).toEqual({ unread_count: 0 });
    expect(await unread(w.agent)).toBe(0);
    expect(published.at(-1)).toMatchObject({
      event: 'notification.read_all',
      audience: { accountId: w.accountId, inboxId: null, userId: w.agent.id },
    });
  });

  it('tells the agents a private note mentions who may see it, never its writer', async () => {
    const conversation = await openConversation(t.app, w);
    const colleague = await insertAgent(t.app.db, w.accountId, 'administrator');
    const before = await unread(w.agent);
    const content = `Please look ${mentionMarkup({ id: w.agent.id, name: 'Omar (Agent)' })} and ${mentionMarkup({ id: w.outsider.id, name: 'Lina' })} ${mentionMarkup({ id: w.admin.id, name: 'Me' })} ${mentionMarkup({ id: w.stranger.id, name: 'Sam' })} ${mentionMarkup({ id: colleague.id, name: 'C' })}`;
    const note = await request(t.app, 'POST', conversationsUrl(w, `/${conversation.id}/messages`), {
      as: w.admin,
      body: { content, private: true },
    });
    expect(note.statusCode).toBe(200);
    expect(note.json().content).toBe(content);
    expect(await unread(w.agent)).toBe(before + 1);
    const [mention] = (await list(w.agent)).data.payload;
    expect(mention).toMatchObject({
      notification_type: 'conversation_mention',
      secondary_actor: {
        id: note.json().id,
        private: true,
        sender: { id: w.admin.id, type: 'user' },
      },
    });
    expect(mention!.push_message_title).toContain('@Omar (Agent)');
    expect(mention!.push_message_title).not.toContain('mention://');
    // The outsider may not see the inbox; the writer is not told; another account's admin
    // is no member; an administrator colleague is.
    expect(await unread(w.outsider)).toBe(0);
    expect(await unread(w.admin)).toBe(0);
    expect(await unread(colleague)).toBe(1);

    // A mention in a reply to the customer tells no one.
    await request(t.app, 'POST', conversationsUrl(w, `/${conversation.id}/messages`), {
      as: w.admin,
      body: { content: mentionMarkup({ id: w.agent.id, name: 'Omar' }) },
    });
    expect(await unread(w.agent)).toBe(before + 1);
  });

  it("tells the assignee of a customer's new message", async () => {
    const conversation = await openConversation(t.app, w, { assignee_id: w.agent.id });
    const before = await unread(w.agent);
    const incoming = await request(
      t.app,
      'POST',
      conversationsUrl(w, `/${conversation.id}/messages`),
      { as: w.admin, body: { content: 'Where is my order?', message_type: 'incoming' } },
    );
    expect(incoming.statusCode).toBe(200);
    expect(await unread(w.agent)).toBe(before + 1);
    expect((await list(w.agent)).data.payload[0]).toMatchObject({
      notification_type: 'assigned_conversation_new_message',
      secondary_actor: {
        content: 'Where is my order?',
        message_type: 0,
        sender: { type: 'contact' },
      },
    });
    // The agent's own reply tells nobody.
    await request(t.app, 'POST', conversationsUrl(w, `/${conversation.id}/messages`), {
      as: w.agent,
      body: { content: 'On its way' },
    });
    expect(await unread(w.agent)).toBe(before + 1);
  });

  it('reopens snoozed conversations when their time comes, once, and tells the assignee', async () => {
    const conversation = await openConversation(t.app, w, { assignee_id: w.agent.id });
    const later = Math.floor(Date.now() / 1000) + 3600;
    const snooze = await request(
      t.app,
      'POST',
      conversationsUrl(w, `/${conversation.id}/toggle_status`),
      { as: w.agent, body: { status: 'snoozed', snoozed_until: later } },
    );
    expect(snooze.statusCode).toBe(200);
    const before = await unread(w.agent);
    expect(await t.app.snoozeScheduler.runOnce()).toBe(0);
    expect(await t.app.snoozeScheduler.runOnce(later * 1000 + 1)).toBe(1);
    expect(await t.app.snoozeScheduler.runOnce(later * 1000 + 2)).toBe(0);
    const reopened = await request(t.app, 'GET', conversationsUrl(w, `/${conversation.id}`), {
      as: w.agent,
    });
    expect(reopened.json()).toMatchObject({ status: 'open', snoozed_until: null });
    const messages = await request(
      t.app,
      'GET',
      conversationsUrl(w, `/${conversation.id}/messages`),
      { as: w.agent },
    );
    const activity = messages.json().payload.at(-1);
    expect(activity).toMatchObject({
      message_type: 2,
      content: 'Conversation was reopened by System',
      content_attributes: { activity: { kind: 'status', status: 'open', by: { system: true } } },
    });
    expect(await unread(w.agent)).toBe(before + 1);
    expect((await list(w.agent)).data.payload[0]).toMatchObject({
      notification_type: 'snoozed_conversation_reopened',
      primary_actor: { id: conversation.id, status: 'open' },
    });
    // A manual reopen by the agent tells no one.
    await request(t.app, 'POST', conversationsUrl(w, `/${conversation.id}/toggle_status`), {
      as: w.agent,
      body: { status: 'resolved' },
    });
    await request(t.app, 'POST', conversationsUrl(w, `/${conversation.id}/toggle_status`), {
      as: w.agent,
      body: { status: 'open' },
    });
    expect(await unread(w.agent)).toBe(before + 1);
  });

  it('pages 15 at a time, newest first, and refuses other accounts', async () => {
    const page2 = await request(t.app, 'GET', `${base()}?page=2`, { as: w.agent });
    expect(page2.statusCode).toBe(200);
    const all = (await list(w.agent)).data;
    expect(all.payload.length).toBeLessThanOrEqual(15);
    const ids = all.payload.map((n) => n.id);
    expect([...ids].sort((a, b) => b - a)).toEqual(ids);
    const foreign = await request(
      t.app,
      'GET',
      `/api/v1/accounts/${w.otherAccountId}/notifications`,
      {
        as: w.agent,
      },
    );
    expect(foreign.statusCode).toBe(404);
  });
});

describe('realtime audience of one person', () => {
  const connection = (userId: number) =>
    ({
      userId,
      accountId: 1,
      grant: { role: 'agent', inboxes: new Set([5]) },
    }) as unknown as Connection;
  it('reaches that user only, and only while they see the inbox', () => {
    expect(canSee(connection(7), { accountId: 1, inboxId: 5, userId: 7 })).toBe(true);
    expect(canSee(connection(8), { accountId: 1, inboxId: 5, userId: 7 })).toBe(false);
    expect(canSee(connection(7), { accountId: 1, inboxId: 6, userId: 7 })).toBe(false);
    expect(canSee(connection(7), { accountId: 2, inboxId: null, userId: 7 })).toBe(false);
  });
});
