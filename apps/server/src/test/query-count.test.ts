import type { KyselyPlugin, PluginTransformQueryArgs, PluginTransformResultArgs } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../app';
import { DEFAULT_WEBHOOK_SETTINGS } from '../modules/webhooks/schedule';
import { request, testConfig } from './app';
import { createTestDatabase, DATABASE_KINDS, type TestDatabase } from './databases';
import { insertAgent, insertConversation } from './factories';
import { createWorld, type World } from './fixtures';
import type { FastifyInstance } from 'fastify';

/**
 * Counts the statements the app runs: Kysely hands every executed query's result to its
 * plugins once (transformQuery also sees subqueries, so the names are kept by query id).
 */
class QueryCounter implements KyselyPlugin {
  statements: string[] = [];
  readonly #names = new WeakMap<object, string>();
  transformQuery(args: PluginTransformQueryArgs) {
    const node = args.node as unknown as {
      kind: string;
      from?: { froms: { table?: { identifier?: { name: string } } }[] };
      into?: { table: { identifier: { name: string } } };
      table?: { table?: { identifier?: { name: string } } };
    };
    const table =
      node.from?.froms[0]?.table?.identifier?.name ??
      node.into?.table.identifier.name ??
      node.table?.table?.identifier?.name ??
      '';
    this.#names.set(args.queryId, `${node.kind.replace('QueryNode', '')} ${table}`);
    return args.node;
  }
  async transformResult(args: PluginTransformResultArgs) {
    this.statements.push(this.#names.get(args.queryId) ?? 'raw');
    return args.result;
  }
}

/**
 * A conversation page and its presenters run a fixed number of queries, however long the
 * page: authentication and the caller's membership are one, and nothing is read per row.
 */
describe.each(DATABASE_KINDS)('queries per request on %s', (kind) => {
  let database: TestDatabase;
  let app: FastifyInstance;
  let world: World;
  const counter = new QueryCounter();
  let conversations: number[] = [];

  beforeAll(async () => {
    database = await createTestDatabase(kind);
    world = await createWorld(database.handle.db);
    app = await buildApp({
      // Background work (the webhook dispatcher's poll, the presence heartbeat) would be
      // counted in whichever request it overlaps: pushed out of the measured window.
      config: testConfig({
        databaseUrl: database.url,
        webhooks: { ...DEFAULT_WEBHOOK_SETTINGS, pollMs: 3_600_000 },
        presence: { graceMs: 60_000, heartbeatMs: 3_600_000 },
      }),
      database: { ...database.handle, db: database.handle.db.withPlugin(counter) },
    });
    await app.ready();
    const assignee = await insertAgent(database.handle.db, world.accountId);
    await database.handle.db
      .insertInto('inbox_members')
      .values([{ inbox_id: world.apiInboxId, user_id: assignee.id }])
      .execute();
    // 30 conversations, assigned or not, with messages from the contact and from agents.
    for (let i = 0; i < 30; i += 1) {
      await insertConversation(database.handle.db, {
        account_id: world.accountId,
        inbox_id: world.apiInboxId,
        contact_id: world.contactId,
        assignee_id: i % 2 ? assignee.id : null,
      });
    }
    const rows = await database.handle.db
      .selectFrom('conversations')
      .select('display_id')
      .orderBy('id')
      .execute();
    conversations = rows.map((row) => row.display_id);
    for (const [i, id] of conversations.slice(0, 3).entries()) {
      for (const message_type of ['incoming', 'outgoing', 'activity'] as const) {
        const res = await request(app, 'POST', `${base()}/conversations/${id}/messages`, {
          as: world.admin,
          body: { content: `${message_type} ${i}`, message_type },
        });
        expect(res.statusCode, res.body).toBe(200);
      }
    }
  });
  afterAll(async () => {
    await app.close();
    await database.drop();
  });

  const base = () => `/api/v1/accounts/${world.accountId}`;

  async function queriesOf(path: string, as = world.admin, method: 'GET' | 'POST' = 'GET') {
    counter.statements = [];
    const res = await request(app, method, `${base()}${path}`, {
      as,
      body: method === 'POST' ? { content: 'counted' } : undefined,
    });
    expect(res.statusCode, res.body).toBe(200);
    return counter.statements.length;
  }

  it('shows a conversation in at most 8 queries', async () => {
    for (const id of conversations.slice(0, 4)) {
      expect(await queriesOf(`/conversations/${id}`)).toBeLessThanOrEqual(8);
      expect(await queriesOf(`/conversations/${id}`, world.agent)).toBeLessThanOrEqual(8);
    }
  });

  it('answers a page of messages in at most 8 queries', async () => {
    for (const id of conversations.slice(0, 4)) {
      expect(await queriesOf(`/conversations/${id}/messages`)).toBeLessThanOrEqual(8);
    }
  });

  it('lists conversations in a number of queries that does not grow with the page', async () => {
    const page = await queriesOf('/conversations?status=all');
    expect(page).toBeLessThanOrEqual(9);
    expect(await queriesOf('/conversations?status=all', world.agent)).toBeLessThanOrEqual(9);
    expect(await queriesOf('/conversations?status=all&page=2')).toBeLessThanOrEqual(page);
  });

  it('writes a message without reading a row twice', async () => {
    // Authentication, the conversation (locked), its channel, the insert, the conversation's
    // update (RETURNING), then presenting from those rows: the contact, the lookups, the
    // assignee, the sender, the messages' attachments (one query for all); the webhook
    // subscriptions. Nothing after the commit; the new
    // message is not read back for the conversation's last message.
    expect(
      await queriesOf(`/conversations/${conversations[5]}/messages`, world.admin, 'POST'),
    ).toBeLessThanOrEqual(11);
  });
});
