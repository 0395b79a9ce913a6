import type { Conversation } from '@bevatel/protocol';
import { CompiledQuery } from 'kysely';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createTestApp, request, type TestApp } from '../../test/app';
import { DATABASE_KINDS } from '../../test/databases';
import { insertAgent } from '../../test/factories';
import { createWorld, type World } from '../../test/fixtures';
import {
  conversationsUrl,
  insertLabels,
  insertTeam,
  openConversation,
  recordEvents,
} from '../../test/conversations';

describe.each(DATABASE_KINDS)('conversations on %s', (kind) => {
  let t: TestApp;
  let world: World;
  let url: (path?: string) => string;
  let bus: ReturnType<typeof recordEvents>;
  let billingTeamId: number;

  beforeAll(async () => {
    t = await createTestApp(kind);
    world = await createWorld(t.app.db);
    url = (path = '') => conversationsUrl(world, path);
    await insertLabels(t.app.db, world.accountId, ['vip', 'billing', 'refund']);
    await insertLabels(t.app.db, world.otherAccountId, ['secret']);
    billingTeamId = await insertTeam(t.app.db, world.accountId, 'Billing', [world.agent.id]);
    bus = recordEvents(t.app);
  });
  afterAll(async () => {
    bus.stop();
    await t.close();
  });
  beforeEach(() => bus.clear());

  describe('create', () => {
    it('allocates the next display id and answers the full documented conversation', async () => {
      const res = await request(t.app, 'POST', url(), {
        as: world.admin,
        body: {
          inbox_id: world.apiInboxId,
          contact_id: world.contactId,
          message: { content: 'Hello Sara, your order shipped.' },
          additional_attributes: {
            referer: 'https://shop.test/cart',
            browser: { browser_name: 'Firefox' },
          },
          custom_attributes: { order_id: 'A-1001' },
        },
      });
      expect(res.statusCode).toBe(200);
      const c: Conversation = res.json();
      const before = (
        await t.app.db
          .selectFrom('accounts')
          .select('last_display_id')
          .where('id', '=', world.accountId)
          .executeTakeFirstOrThrow()
      ).last_display_id;
      expect(c.id).toBe(before);
      expect(c).toMatchObject({
        account_id: world.accountId,
        inbox_id: world.apiInboxId,
        status: 'open',
        priority: null,
        muted: false,
        can_reply: true,
        labels: [],
        unread_count: 0,
        agent_last_seen_at: 0,
        assignee_last_seen_at: 0,
        contact_last_seen_at: 0,
        snoozed_until: null,
        waiting_since: null,
        custom_attributes: { order_id: 'A-1001' },
        additional_attributes: {
          referer: 'https://shop.test/cart',
          browser: {
            browser_name: 'Firefox',
            device_name: null,
            platform_name: null,
            browser_version: null,
            platform_version: null,
          },
          initiated_at: { timestamp: null },
        },
        meta: {
          channel: 'Channel::Api',
          assignee: null,
          team: null,
          hmac_verified: false,
          sender: { id: world.contactId, name: 'Sara Customer', email: 'sara@customer.test' },
        },
      });
      expect(c.uuid).toMatch(/^[0-9a-f-]{36}$/);
      expect(c.timestamp).toBe(c.last_activity_at);
      expect(c.messages).toHaveLength(1);
      expect(c.messages[0]).toMatchObject({
        content: 'Hello Sara, your order shipped.',
        message_type: 1,
        private: false,
        sender_type: 'User',
        sender: { id: world.admin.id, type: 'user', name: 'Amira Admin' },
      });
      expect(c.last_non_activity_message?.id).toBe(c.messages[0]!.id);
      expect(bus.names()).toEqual(['conversation.created', 'message.created']);
      expect(bus.events[0]).toMatchObject({ account_id: world.accountId, data: { id: c.id } });
    });

    it('numbers conversations one after another, also when created at once', async () => {
      const results = await Promise.all(
        Array.from({ length: 8 }, () => openConversation(t.app, world)),
      );
      const ids = results.map((c) => c.id).sort((a, b) => a - b);
      expect(new Set(ids).size).toBe(8);
      expect(ids[7]! - ids[0]!).toBe(7);
    });

    it('reuses the contact inbox for the same source_id, and refuses another contact’s', async () => {
      const a = await openConversation(t.app, world, { source_id: 'src-1' });
      const b = await openConversation(t.app, world, { source_id: 'src-1' });
      const rows = await t.app.db
        .selectFrom('conversations')
        .select(['contact_inbox_id'])
        .where('display_id', 'in', [a.id, b.id])
        .where('account_id', '=', world.accountId)
        .execute();
      expect(rows[0]!.contact_inbox_id).toBe(rows[1]!.contact_inbox_id);
      const other = await t.app.db
        .insertInto('contacts')
        .values({
          account_id: world.accountId,
          name: 'Someone',
          email: null,
          phone_number: null,
          identifier: null,
          thumbnail: null,
          additional_attributes: '{}',
          custom_attributes: '{}',
          last_activity_at: null,
          created_at: Date.now(),
          updated_at: Date.now(),
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      const res = await request(t.app, 'POST', url(), {
        as: world.admin,
        body: { inbox_id: world.apiInboxId, contact_id: other.id, source_id: 'src-1' },
      });
      expect(res.statusCode).toBe(422);
      expect(res.json().field).toBe('source_id');
    });

    it('assigns on creation with an activity message', async () => {
      const c = await openConversation(t.app, world, {
        assignee_id: world.agent.id,
        team_id: billingTeamId,
        status: 'pending',
        priority: 'high',
      });
      expect(c.meta.assignee).toMatchObject({
        id: world.agent.id,
        name: 'Omar Agent',
        role: 'agent',
      });
      expect(c.meta.team).toEqual({ id: billingTeamId, name: 'Billing' });
      expect(c.status).toBe('pending');
      expect(c.priority).toBe('high');
      expect(c.messages[0]).toMatchObject({
        message_type: 2,
        content: 'Assigned to Billing team by Amira Admin',
        sender: null,
      });
    });

    it('refuses bad references without writing anything or publishing', async () => {
      const counter = () =>
        t.app.db
          .selectFrom('accounts')
          .select('last_display_id')
          .where('id', '=', world.accountId)
          .executeTakeFirstOrThrow();
      const before = await counter();
      const cases: [Record<string, unknown>, number, string][] = [
        [{ inbox_id: 999999 }, 404, 'inbox_id'],
        [{ contact_id: world.otherAccountContactId }, 404, 'contact_id'],
        [{ assignee_id: world.outsider.id }, 422, 'assignee_id'],
        [{ assignee_id: world.stranger.id }, 422, 'assignee_id'],
        [{ team_id: 999999 }, 422, 'team_id'],
        [{ inbox_id: 'one' }, 422, 'inbox_id'],
        [{ status: 'closed' }, 422, 'status'],
        [{ custom_attributes: { big: 'x'.repeat(20_000) } }, 422, 'custom_attributes'],
        [{ message: { content: '' } }, 422, 'message.content'],
      ];
      for (const [patch, status, field] of cases) {
        const res = await request(t.app, 'POST', url(), {
          as: world.admin,
          body: { inbox_id: world.apiInboxId, contact_id: world.contactId, ...patch },
        });
        expect(res.statusCode, JSON.stringify(patch)).toBe(status);
        expect(res.json()).toMatchObject({ field, statusCode: status });
        expect(typeof res.json().message).toBe('string');
      }
      const missing = await request(t.app, 'POST', url(), { as: world.admin, body: {} });
      expect(missing.statusCode).toBe(422);
      expect((await counter()).last_display_id).toBe(before.last_display_id);
      expect(bus.events).toEqual([]);
    });

    it('lets agents open conversations only in their own inboxes', async () => {
      const own = await request(t.app, 'POST', url(), {
        as: world.agent,
        body: { inbox_id: world.apiInboxId, contact_id: world.contactId },
      });
      expect(own.statusCode).toBe(200);
      const other = await request(t.app, 'POST', url(), {
        as: world.agent,
        body: { inbox_id: world.widgetInboxId, contact_id: world.contactId },
      });
      expect(other.statusCode).toBe(404);
      expect(other.json().field).toBe('inbox_id');
    });
  });

  describe('list, counts and access', () => {
    let scoped: TestApp;
    let w: World;
    const listUrl = (query = '') => `/api/v1/accounts/${w.accountId}/conversations${query}`;
    const list = async (query: string, as = w.admin) => {
      const res = await request(scoped.app, 'GET', listUrl(query), { as });
      expect(res.statusCode, res.body).toBe(200);
      return res.json().data as {
        meta: { mine_count: number; unassigned_count: number; all_count: number };
        payload: Conversation[];
      };
    };

    beforeAll(async () => {
      scoped = await createTestApp(kind);
      w = await createWorld(scoped.app.db);
      await insertLabels(scoped.app.db, w.accountId, ['vip', 'billing']);
      // 30 in the API inbox (10 resolved, 12 assigned to the agent, 5 to the admin), 4 on the website.
      for (let i = 0; i < 30; i += 1) {
        const assignee = i < 12 ? w.agent.id : i < 17 ? w.admin.id : null;
        const c = await openConversation(scoped.app, w, {
          assignee_id: assignee,
          message: { content: i === 3 ? 'Where is my refund for order 7781?' : `Message ${i}` },
        });
        if (i % 3 === 0) {
          await request(scoped.app, 'POST', `${listUrl()}/${c.id}/toggle_status`, {
            as: w.admin,
            body: { status: 'resolved' },
          });
        }
        if (i % 5 === 0) {
          await request(scoped.app, 'POST', `${listUrl()}/${c.id}/labels`, {
            as: w.admin,
            body: { labels: ['vip'] },
          });
        }
      }
      for (let i = 0; i < 4; i += 1) {
        await openConversation(scoped.app, w, { inbox_id: w.widgetInboxId });
      }
    });
    afterAll(() => scoped.close());

    it('pages 25 at a time, newest activity first, with counts for the filters', async () => {
      const first = await list('?status=all');
      expect(first.meta).toEqual({ all_count: 34, mine_count: 5, unassigned_count: 17 });
      expect(first.payload).toHaveLength(25);
      const times = first.payload.map((c) => [c.last_activity_at, c.id] as const);
      const sorted = [...times].sort((a, b) => b[0] - a[0] || b[1] - a[1]);
      expect(times).toEqual(sorted);
      const second = await list('?status=all&page=2');
      expect(second.payload).toHaveLength(9);
      const ids = new Set([...first.payload, ...second.payload].map((c) => c.id));
      expect(ids.size).toBe(34);
      // Every listed conversation carries its last message, as Chatwoot's list does.
      const api = first.payload.filter((c) => c.inbox_id === w.apiInboxId);
      expect(api.every((c) => c.messages.length === 1)).toBe(true);
    });

    it('filters by status (open by default), assignee type, inbox, labels and text', async () => {
      const open = await list('');
      expect(open.meta.all_count).toBe(24);
      expect(open.payload.every((c) => c.status === 'open')).toBe(true);
      const resolved = await list('?status=resolved');
      expect(resolved.meta.all_count).toBe(10);
      const mine = await list('?status=all&assignee_type=me', w.agent);
      expect(mine.meta).toEqual({ all_count: 30, mine_count: 12, unassigned_count: 13 });
      expect(mine.payload).toHaveLength(12);
      expect(mine.payload.every((c) => c.meta.assignee?.id === w.agent.id)).toBe(true);
      const unassigned = await list('?status=all&assignee_type=unassigned');
      expect(unassigned.payload).toHaveLength(17);
      expect(unassigned.payload.every((c) => c.meta.assignee === null)).toBe(true);
      const website = await list(`?status=all&inbox_id=${w.widgetInboxId}`);
      expect(website.meta.all_count).toBe(4);
      const vip = await list('?status=all&labels[]=vip');
      expect(vip.meta.all_count).toBe(6);
      expect(vip.payload.every((c) => c.labels.includes('vip'))).toBe(true);
      const vipToo = await list('?status=all&labels=vip');
      expect(vipToo.meta.all_count).toBe(6);
      const refund = await list('?status=all&q=REFUND');
      expect(refund.payload.map((c) => c.last_non_activity_message?.content)).toEqual([
        'Where is my refund for order 7781?',
      ]);
      const byContact = await list('?status=all&q=sara@customer');
      expect(byContact.meta.all_count).toBe(34);
      const wildcard = await list('?status=all&q=%25');
      expect(wildcard.meta.all_count).toBe(0);
      const meta = await request(scoped.app, 'GET', listUrl('/meta?status=resolved'), {
        as: w.admin,
      });
      expect(meta.json()).toEqual({ meta: { all_count: 10, mine_count: 2, unassigned_count: 4 } });
    });

    it('shows agents only the conversations of their inboxes', async () => {
      const agent = await list('?status=all', w.agent);
      expect(agent.meta.all_count).toBe(30);
      expect(agent.payload.every((c) => c.inbox_id === w.apiInboxId)).toBe(true);
      const hidden = await list(`?status=all&inbox_id=${w.widgetInboxId}`, w.agent);
      expect(hidden.meta.all_count).toBe(0);
      const outsider = await list('?status=all', w.outsider);
      expect(outsider).toEqual({
        meta: { all_count: 0, mine_count: 0, unassigned_count: 0 },
        payload: [],
      });
      const website = (await list(`?status=all&inbox_id=${w.widgetInboxId}`)).payload[0]!;
      const shown = await request(scoped.app, 'GET', listUrl(`/${website.id}`), { as: w.agent });
      expect(shown.statusCode).toBe(404);
      const asAdmin = await request(scoped.app, 'GET', listUrl(`/${website.id}`), { as: w.admin });
      expect(asAdmin.statusCode).toBe(200);
      expect(asAdmin.json()).toMatchObject({
        id: website.id,
        meta: { channel: 'Channel::WebWidget' },
      });
      const stranger = await request(scoped.app, 'GET', listUrl(`/${website.id}`), {
        as: w.stranger,
      });
      expect(stranger.statusCode).toBe(404);
      const theirs = await request(
        scoped.app,
        'GET',
        `/api/v1/accounts/${w.otherAccountId}/conversations/${website.id}`,
        { as: w.stranger },
      );
      expect(theirs.statusCode).toBe(404);
    });

    it('merges ordered ranges for several inboxes and statuses exactly like one sorted query', async () => {
      const both = await insertAgent(scoped.app.db, w.accountId);
      await scoped.app.db
        .insertInto('inbox_members')
        .values([
          { inbox_id: w.apiInboxId, user_id: both.id },
          { inbox_id: w.widgetInboxId, user_id: both.id },
        ])
        .execute();
      for (const query of [
        '?status=all',
        '?status=all&page=2',
        '?status=open',
        '?status=resolved&assignee_type=assigned',
      ]) {
        const asAgent = await list(query, both);
        const asAdmin = await list(query);
        expect(
          asAgent.payload.map((c) => c.id),
          query,
        ).toEqual(asAdmin.payload.map((c) => c.id));
        expect(asAgent.meta.all_count, query).toBe(asAdmin.meta.all_count);
      }
      const all = [
        ...(await list('?status=all')).payload,
        ...(await list('?status=all&page=2')).payload,
      ];
      const rows = await scoped.app.db
        .selectFrom('conversations')
        .select(['display_id'])
        .where('account_id', '=', w.accountId)
        .orderBy('last_activity_at', 'desc')
        .orderBy('id', 'desc')
        .execute();
      expect(all.map((c) => c.id)).toEqual(rows.map((r) => r.display_id));
    });

    it('answers bad list input with 4xx JSON naming the field', async () => {
      for (const [query, field] of [
        ['?status=closed', 'status'],
        ['?assignee_type=everyone', 'assignee_type'],
        ['?page=0', 'page'],
        ['?page=abc', 'page'],
        ['?inbox_id=-1', 'inbox_id'],
      ] as const) {
        const res = await request(scoped.app, 'GET', listUrl(query), { as: w.admin });
        expect(res.statusCode, query).toBe(422);
        expect(res.json().field).toBe(field);
      }
      const unknown = await request(scoped.app, 'GET', listUrl('/99999'), { as: w.admin });
      expect(unknown.statusCode).toBe(404);
      expect(unknown.json().error).toBe('not_found');
      for (const id of ['0', 'abc', '1.5', '-3', '99999999999999999999']) {
        const res = await request(scoped.app, 'GET', listUrl(`/${id}`), { as: w.admin });
        expect(res.statusCode, id).toBe(422);
        expect(res.json().field).toBe('id');
      }
      const anonymous = await request(scoped.app, 'GET', listUrl(), { as: null });
      expect(anonymous.statusCode).toBe(401);
    });
  });

  describe('status, priority, mute', () => {
    it('toggles open ↔ resolved with activity messages and a status_changed event', async () => {
      const c = await openConversation(t.app, world);
      bus.clear();
      const resolve = await request(t.app, 'POST', url(`/${c.id}/toggle_status`), {
        as: world.admin,
        body: {},
      });
      expect(resolve.json()).toEqual({
        payload: {
          success: true,
          current_status: 'resolved',
          conversation_id: c.id,
          snoozed_until: null,
        },
      });
      expect(bus.names()).toEqual(['conversation.status_changed', 'message.created']);
      expect(bus.events[0]).toMatchObject({ data: { id: c.id, status: 'resolved' } });
      expect(bus.events[1]).toMatchObject({
        data: { content: 'Conversation was resolved by Amira Admin', message_type: 2 },
      });
      const reopen = await request(t.app, 'POST', url(`/${c.id}/toggle_status`), {
        as: world.agent,
      });
      expect(reopen.json().payload.current_status).toBe('open');
      const shown = (await request(t.app, 'GET', url(`/${c.id}`), { as: world.admin })).json();
      expect(shown.messages[0].content).toBe('Conversation was reopened by Omar Agent');
    });

    it('snoozes until a time, and refuses a time in the past or without snoozed status', async () => {
      const c = await openConversation(t.app, world);
      const until = Math.floor(Date.now() / 1000) + 3600;
      const res = await request(t.app, 'POST', url(`/${c.id}/toggle_status`), {
        as: world.admin,
        body: { status: 'snoozed', snoozed_until: until },
      });
      expect(res.json().payload).toMatchObject({ current_status: 'snoozed', snoozed_until: until });
      const shown = (await request(t.app, 'GET', url(`/${c.id}`), { as: world.admin })).json();
      expect(shown.snoozed_until).toBe(until);
      const past = await request(t.app, 'POST', url(`/${c.id}/toggle_status`), {
        as: world.admin,
        body: { status: 'snoozed', snoozed_until: 1000 },
      });
      expect(past.statusCode).toBe(422);
      expect(past.json().field).toBe('snoozed_until');
      const wrong = await request(t.app, 'POST', url(`/${c.id}/toggle_status`), {
        as: world.admin,
        body: { status: 'open', snoozed_until: until },
      });
      expect(wrong.statusCode).toBe(422);
      const bad = await request(t.app, 'POST', url(`/${c.id}/toggle_status`), {
        as: world.admin,
        body: { status: 'closed' },
      });
      expect(bad.statusCode).toBe(422);
      expect(bad.json().field).toBe('status');
    });

    it('sets and removes the priority with activity messages', async () => {
      const c = await openConversation(t.app, world);
      bus.clear();
      const high = await request(t.app, 'POST', url(`/${c.id}/toggle_priority`), {
        as: world.admin,
        body: { priority: 'high' },
      });
      expect(high.statusCode).toBe(200);
      expect(high.json()).toMatchObject({ id: c.id, priority: 'high' });
      expect(high.json().messages[0].content).toBe('Priority set to high by Amira Admin');
      expect(bus.names()).toEqual(['conversation.updated', 'message.created']);
      const none = await request(t.app, 'POST', url(`/${c.id}/toggle_priority`), {
        as: world.admin,
        body: { priority: null },
      });
      expect(none.json().priority).toBeNull();
      const bad = await request(t.app, 'POST', url(`/${c.id}/toggle_priority`), {
        as: world.admin,
        body: { priority: 'asap' },
      });
      expect(bad.statusCode).toBe(422);
      expect(bad.json().field).toBe('priority');
      const missing = await request(t.app, 'POST', url(`/${c.id}/toggle_priority`), {
        as: world.admin,
        body: {},
      });
      expect(missing.statusCode).toBe(422);
    });

    it('mutes and unmutes, and PATCH merges attributes', async () => {
      const c = await openConversation(t.app, world, { custom_attributes: { a: 1 } });
      const muted = await request(t.app, 'POST', url(`/${c.id}/mute`), { as: world.agent });
      expect(muted.json()).toMatchObject({ muted: true });
      expect(muted.json().messages[0].content).toBe('Omar Agent has muted the conversation');
      const unmuted = await request(t.app, 'POST', url(`/${c.id}/unmute`), { as: world.agent });
      expect(unmuted.json().muted).toBe(false);
      const patched = await request(t.app, 'PATCH', url(`/${c.id}`), {
        as: world.admin,
        body: {
          priority: 'urgent',
          custom_attributes: { b: 2 },
          additional_attributes: { referer: 'https://x.test' },
        },
      });
      expect(patched.statusCode).toBe(200);
      expect(patched.json()).toMatchObject({
        priority: 'urgent',
        custom_attributes: { a: 1, b: 2 },
        additional_attributes: { referer: 'https://x.test' },
      });
      const bad = await request(t.app, 'PATCH', url(`/${c.id}`), {
        as: world.admin,
        body: { muted: 'yes' },
      });
      expect(bad.statusCode).toBe(422);
      expect(bad.json().field).toBe('muted');
    });

    it('replaces custom attributes', async () => {
      const c = await openConversation(t.app, world, { custom_attributes: { a: 1 } });
      bus.clear();
      const res = await request(t.app, 'POST', url(`/${c.id}/custom_attributes`), {
        as: world.agent,
        body: { custom_attributes: { order: 'A-1', nested: { ok: true } } },
      });
      expect(res.json()).toEqual({ custom_attributes: { order: 'A-1', nested: { ok: true } } });
      expect(bus.names()).toEqual(['conversation.updated']);
      const bad = await request(t.app, 'POST', url(`/${c.id}/custom_attributes`), {
        as: world.agent,
        body: { custom_attributes: [1, 2] },
      });
      expect(bad.statusCode).toBe(422);
      expect(bad.json().field).toBe('custom_attributes');
    });
  });

  describe('assignments', () => {
    it('assigns an inbox member, answers the agent, and writes the activity', async () => {
      const c = await openConversation(t.app, world);
      bus.clear();
      const res = await request(t.app, 'POST', url(`/${c.id}/assignments`), {
        as: world.admin,
        body: { assignee_id: world.agent.id },
      });
      expect(res.statusCode).toBe(200);
      expect(res.json()).toEqual({
        id: world.agent.id,
        account_id: world.accountId,
        availability_status: 'online',
        auto_offline: true,
        confirmed: true,
        email: 'agent@acme.test',
        available_name: 'Omar Agent',
        name: 'Omar Agent',
        role: 'agent',
        thumbnail: '',
      });
      // Assigned by an admin: the agent is told (core/notifications.ts).
      expect(bus.names()).toEqual(['assignee.changed', 'message.created', 'notification.created']);
      expect(bus.events[0]).toMatchObject({ data: { meta: { assignee: { id: world.agent.id } } } });
      expect(bus.events[1]).toMatchObject({
        data: { content: 'Assigned to Omar Agent by Amira Admin' },
      });
      const unassign = await request(t.app, 'POST', url(`/${c.id}/assignments`), {
        as: world.agent,
        body: { assignee_id: null },
      });
      expect(unassign.statusCode).toBe(200);
      expect(unassign.json()).toBeNull();
      const self = await request(t.app, 'POST', url(`/${c.id}/assignments`), {
        as: world.agent,
        body: { assignee_id: world.agent.id },
      });
      expect(self.statusCode).toBe(200);
      const shown = (await request(t.app, 'GET', url(`/${c.id}`), { as: world.admin })).json();
      expect(shown.messages[0].content).toBe('Omar Agent self-assigned this conversation');
    });

    it('refuses agents outside the inbox and strangers; admins are always eligible', async () => {
      const c = await openConversation(t.app, world);
      for (const user of [world.outsider, world.stranger]) {
        const res = await request(t.app, 'POST', url(`/${c.id}/assignments`), {
          as: world.admin,
          body: { assignee_id: user.id },
        });
        expect(res.statusCode).toBe(422);
        expect(res.json().field).toBe('assignee_id');
      }
      const admin = await request(t.app, 'POST', url(`/${c.id}/assignments`), {
        as: world.agent,
        body: { assignee_id: world.admin.id },
      });
      expect(admin.json().role).toBe('administrator');
      const neither = await request(t.app, 'POST', url(`/${c.id}/assignments`), {
        as: world.admin,
        body: {},
      });
      expect(neither.statusCode).toBe(422);
      const outsiderActs = await request(t.app, 'POST', url(`/${c.id}/assignments`), {
        as: world.outsider,
        body: { assignee_id: world.outsider.id },
      });
      expect(outsiderActs.statusCode).toBe(404);
    });

    it('assigns and removes a team', async () => {
      const c = await openConversation(t.app, world);
      const res = await request(t.app, 'POST', url(`/${c.id}/assignments`), {
        as: world.agent,
        body: { team_id: billingTeamId },
      });
      expect(res.json()).toEqual({
        id: billingTeamId,
        name: 'Billing',
        description: null,
        allow_auto_assign: true,
        account_id: world.accountId,
        is_member: true,
      });
      const removed = await request(t.app, 'POST', url(`/${c.id}/assignments`), {
        as: world.agent,
        body: { team_id: null },
      });
      expect(removed.json()).toBeNull();
      const shown = (await request(t.app, 'GET', url(`/${c.id}`), { as: world.admin })).json();
      expect(shown.meta.team).toBeNull();
      expect(shown.messages[0].content).toBe('Unassigned from Billing team by Omar Agent');
      const unknown = await request(t.app, 'POST', url(`/${c.id}/assignments`), {
        as: world.agent,
        body: { team_id: 424242 },
      });
      expect(unknown.statusCode).toBe(422);
      expect(unknown.json().field).toBe('team_id');
    });
  });

  describe('labels', () => {
    it('replaces the label set with activity messages, creating labels not yet defined', async () => {
      const c = await openConversation(t.app, world);
      bus.clear();
      const set = await request(t.app, 'POST', url(`/${c.id}/labels`), {
        as: world.admin,
        body: { labels: ['VIP', 'billing', 'vip'] },
      });
      expect(set.json()).toEqual({ payload: ['billing', 'vip'] });
      expect(bus.names()).toEqual(['conversation.updated', 'message.created']);
      expect(bus.events[1]).toMatchObject({ data: { content: 'Amira Admin added vip, billing' } });
      const replaced = await request(t.app, 'POST', url(`/${c.id}/labels`), {
        as: world.agent,
        body: { labels: ['refund', 'vip'] },
      });
      expect(replaced.json().payload).toEqual(['refund', 'vip']);
      const get = await request(t.app, 'GET', url(`/${c.id}/labels`), { as: world.agent });
      expect(get.json()).toEqual({ payload: ['refund', 'vip'] });
      const shown = (await request(t.app, 'GET', url(`/${c.id}`), { as: world.admin })).json();
      expect(shown.labels).toEqual(['refund', 'vip']);
      expect(shown.messages[0].content).toBe('Omar Agent removed billing');
      // Chatwoot creates a label the account has not defined; a title that is no slug is a 422.
      const created = await request(t.app, 'POST', url(`/${c.id}/labels`), {
        as: world.admin,
        body: { labels: ['vip', 'Secret', 'nope'] },
      });
      expect(created.json()).toEqual({ payload: ['nope', 'secret', 'vip'] });
      const defined = await t.app.db
        .selectFrom('labels')
        .select(['title', 'color'])
        .where('account_id', '=', world.accountId)
        .where('title', 'in', ['secret', 'nope'])
        .orderBy('title')
        .execute();
      expect(defined).toEqual([
        { title: 'nope', color: '#1f93ff' },
        { title: 'secret', color: '#1f93ff' },
      ]);
      const unfit = await request(t.app, 'POST', url(`/${c.id}/labels`), {
        as: world.admin,
        body: { labels: ['vip', 'has space'] },
      });
      expect(unfit.statusCode).toBe(422);
      expect(unfit.json()).toMatchObject({ field: 'labels' });
      expect(unfit.json().message).toContain('has space');
      const bad = await request(t.app, 'POST', url(`/${c.id}/labels`), {
        as: world.admin,
        body: { labels: 'vip' },
      });
      expect(bad.statusCode).toBe(422);
      const cleared = await request(t.app, 'POST', url(`/${c.id}/labels`), {
        as: world.admin,
        body: { labels: [] },
      });
      expect(cleared.json().payload).toEqual([]);
    });
  });

  describe('read state', () => {
    it('counts incoming messages after agent_last_seen_at and resets on update_last_seen', async () => {
      const c = await openConversation(t.app, world, { assignee_id: world.agent.id });
      for (const content of ['Hi', 'Are you there?']) {
        const res = await request(t.app, 'POST', url(`/${c.id}/messages`), {
          as: world.agent,
          body: { content, message_type: 'incoming' },
        });
        expect(res.statusCode, res.body).toBe(200);
      }
      const before = (await request(t.app, 'GET', url(`/${c.id}`), { as: world.admin })).json();
      expect(before.unread_count).toBe(2);
      bus.clear();
      const byAdmin = await request(t.app, 'POST', url(`/${c.id}/update_last_seen`), {
        as: world.admin,
      });
      expect(byAdmin.statusCode).toBe(200);
      expect(byAdmin.json()).toMatchObject({ unread_count: 0, assignee_last_seen_at: 0 });
      expect(byAdmin.json().agent_last_seen_at).toBeGreaterThan(0);
      expect(bus.names()).toEqual(['conversation.read']);
      const byAssignee = await request(t.app, 'POST', url(`/${c.id}/update_last_seen`), {
        as: world.agent,
      });
      expect(byAssignee.json().assignee_last_seen_at).toBeGreaterThan(0);
    });
  });

  describe('transactions', () => {
    it('publishes nothing and keeps no half-written change when the transaction fails', async () => {
      const c = await openConversation(t.app, world);
      // Make the activity insert fail after the status update has already run.
      if (kind === 'sqlite') {
        await t.app.db.executeQuery(
          rawQuery(
            `CREATE TRIGGER fail_activity BEFORE INSERT ON messages WHEN NEW.content LIKE 'Conversation was resolved%' BEGIN SELECT RAISE(ABORT, 'sabotaged'); END`,
          ),
        );
      } else {
        await t.app.db.executeQuery(
          rawQuery(
            `CREATE FUNCTION fail_activity() RETURNS trigger AS $$ BEGIN IF NEW.content LIKE 'Conversation was resolved%' THEN RAISE EXCEPTION 'sabotaged'; END IF; RETURN NEW; END $$ LANGUAGE plpgsql`,
          ),
        );
        await t.app.db.executeQuery(
          rawQuery(
            `CREATE TRIGGER fail_activity BEFORE INSERT ON messages FOR EACH ROW EXECUTE FUNCTION fail_activity()`,
          ),
        );
      }
      try {
        bus.clear();
        const res = await request(t.app, 'POST', url(`/${c.id}/toggle_status`), {
          as: world.admin,
          body: { status: 'resolved' },
        });
        expect(res.statusCode).toBe(500);
        expect(bus.events).toEqual([]);
        const row = await t.app.db
          .selectFrom('conversations')
          .select('status')
          .where('account_id', '=', world.accountId)
          .where('display_id', '=', c.id)
          .executeTakeFirstOrThrow();
        expect(row.status).toBe('open');
      } finally {
        await t.app.db.executeQuery(
          rawQuery('DROP TRIGGER fail_activity' + (kind === 'postgres' ? ' ON messages' : '')),
        );
      }
    });
  });
});

function rawQuery(text: string) {
  return CompiledQuery.raw(text);
}
