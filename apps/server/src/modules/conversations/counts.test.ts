import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { migrateToLatest, migrateUpTo } from '../../db/migrate';
import { createTestApp, request, type TestApp } from '../../test/app';
import { createTestDatabase, DATABASE_KINDS } from '../../test/databases';
import { insertAgent, insertConversation, insertInbox } from '../../test/factories';
import { createWorld, type World } from '../../test/fixtures';

/**
 * The list's counts come from counters the database keeps (migration 0012): after every kind
 * of write — REST commands at once, cascades, bulk inserts — they must equal a count of the
 * conversations themselves.
 */
describe.each(DATABASE_KINDS)('conversation counters on %s', (kind) => {
  let t: TestApp;
  let world: World;

  beforeAll(async () => {
    t = await createTestApp(kind);
    world = await createWorld(t.app.db);
  });
  afterAll(() => t.close());

  /** Counter rows that differ from a count of the conversations (none when right). */
  const drift = () => driftIn(t.app.db);

  it('start from the conversations a database already holds (migration 0012)', async () => {
    const database = await createTestDatabase(kind, { migrate: false });
    try {
      const { db, dialect } = database.handle;
      await migrateUpTo(db, dialect, '0009_webhooks');
      const before = await createWorld(db);
      for (const [i, status] of ['open', 'open', 'resolved', 'pending'].entries()) {
        await insertConversation(db, {
          account_id: before.accountId,
          inbox_id: i % 2 ? before.apiInboxId : before.widgetInboxId,
          contact_id: before.contactId,
          assignee_id: i === 0 ? before.agent.id : null,
          status,
        });
      }
      await migrateToLatest(db, dialect);
      expect(await driftIn(db)).toEqual([]);
      const kept = await db
        .selectFrom('conversation_counts')
        .select((eb) => eb.fn.sum<number>('count').as('n'))
        .executeTakeFirstOrThrow();
      expect(Number(kept.n)).toBe(4);
    } finally {
      await database.drop();
    }
  });

  async function driftIn(db: TestApp['app']['db']) {
    const { rows } = await sql<{ key: string; counted: number; kept: number }>`
      select k.key, coalesce(c.n, 0) as counted, coalesce(k.n, 0) as kept from (
        select account_id || ':' || inbox_id || ':' || status || ':' || assignee_id as key,
          count as n from conversation_counts
      ) k full outer join (
        select account_id || ':' || inbox_id || ':' || status || ':' || coalesce(assignee_id, 0)
          as key, count(*) as n
        from conversations group by account_id, inbox_id, status, coalesce(assignee_id, 0)
      ) c on c.key = k.key
      where coalesce(c.n, 0) <> coalesce(k.n, 0)`.execute(db);
    return rows;
  }

  const base = () => `/api/v1/accounts/${world.accountId}/conversations`;

  it('stay equal to the conversations under concurrent writes through the API', async () => {
    const agents = await Promise.all([1, 2, 3].map(() => insertAgent(t.app.db, world.accountId)));
    await t.app.db
      .insertInto('inbox_members')
      .values(agents.map((a) => ({ inbox_id: world.apiInboxId, user_id: a.id })))
      .execute();
    const created = await Promise.all(
      Array.from({ length: 30 }, () =>
        request(t.app, 'POST', base(), {
          as: world.admin,
          body: { inbox_id: world.apiInboxId, contact_id: world.contactId },
        }),
      ),
    );
    const ids = created.map((res) => {
      expect(res.statusCode, res.body).toBe(200);
      return res.json<{ id: number }>().id;
    });
    expect(await drift()).toEqual([]);

    // Status changes, assignments and reassignments of the same conversations, all at once:
    // opposite moves between the same two counter rows run side by side.
    const writes = ids.flatMap((id, i) => [
      request(t.app, 'POST', `${base()}/${id}/toggle_status`, {
        as: world.admin,
        body: { status: i % 3 === 0 ? 'resolved' : i % 3 === 1 ? 'pending' : 'open' },
      }),
      request(t.app, 'POST', `${base()}/${id}/assignments`, {
        as: world.admin,
        body: { assignee_id: agents[i % agents.length]!.id },
      }),
      request(t.app, 'POST', `${base()}/${ids[(i + 7) % ids.length]}/assignments`, {
        as: world.admin,
        body: { assignee_id: i % 2 ? null : agents[(i + 1) % agents.length]!.id },
      }),
    ]);
    for (const res of await Promise.all(writes)) expect(res.statusCode, res.body).toBe(200);
    expect(await drift()).toEqual([]);

    const meta = await request(t.app, 'GET', `${base()}/meta?status=all`, { as: world.admin });
    const all = await t.app.db
      .selectFrom('conversations')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('account_id', '=', world.accountId)
      .executeTakeFirstOrThrow();
    expect(meta.json().meta.all_count).toBe(Number(all.n));
  });

  it('follow cascades: a deleted inbox, a deleted assignee, bulk inserts', async () => {
    const inboxId = await insertInbox(t.app.db, world.accountId);
    const agent = await insertAgent(t.app.db, world.accountId);
    for (let i = 0; i < 5; i += 1) {
      await insertConversation(t.app.db, {
        account_id: world.accountId,
        inbox_id: i < 3 ? inboxId : world.widgetInboxId,
        contact_id: world.contactId,
        assignee_id: agent.id,
        status: i % 2 ? 'open' : 'snoozed',
      });
    }
    expect(await drift()).toEqual([]);
    // The assignee leaves: conversations.assignee_id is set null by the foreign key.
    await t.app.db.deleteFrom('account_users').where('user_id', '=', agent.id).execute();
    await t.app.db.deleteFrom('users').where('id', '=', agent.id).execute();
    expect(await drift()).toEqual([]);
    // The inbox goes with its conversations (cascade).
    const res = await request(
      t.app,
      'DELETE',
      `/api/v1/accounts/${world.accountId}/inboxes/${inboxId}`,
      {
        as: world.admin,
      },
    );
    expect(res.statusCode, res.body).toBeLessThan(300);
    expect(await drift()).toEqual([]);
  });

  it('answer what counting the rows answers, for an agent and an administrator', async () => {
    const count = async (
      inboxIds: readonly number[] | null,
      status: string | null,
      assignee?: number | null,
    ) => {
      let query = t.app.db
        .selectFrom('conversations')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('account_id', '=', world.accountId);
      if (inboxIds) query = query.where('inbox_id', 'in', [...inboxIds]);
      if (status) query = query.where('status', '=', status);
      if (assignee === null) query = query.where('assignee_id', 'is', null);
      else if (assignee !== undefined) query = query.where('assignee_id', '=', assignee);
      return Number((await query.executeTakeFirstOrThrow()).n);
    };
    for (const [who, inboxIds] of [
      [world.agent, [world.apiInboxId]],
      [world.admin, null],
    ] as const) {
      for (const status of ['all', 'open', 'resolved'] as const) {
        const res = await request(t.app, 'GET', `${base()}/meta?status=${status}`, { as: who });
        expect(res.statusCode).toBe(200);
        const s = status === 'all' ? null : status;
        expect(res.json().meta).toEqual({
          mine_count: await count(inboxIds, s, who.id),
          unassigned_count: await count(inboxIds, s, null),
          all_count: await count(inboxIds, s),
        });
      }
    }
  });
});
