import type { AddressInfo } from 'node:net';
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../test/app';
import { createTestDatabase, DATABASE_KINDS, type TestDatabase } from '../test/databases';
import { insertConversation } from '../test/factories';
import { createWorld, type World } from '../test/fixtures';
import { startServer, type ServerProcess } from './processes';
import { isEvent, isFrame, openSocket, type TestSocket } from './testing';

const REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';

/** The HTTP servers the scenario talks to: where the admin writes, where the agent reads. */
interface Servers {
  /** The administrator's requests. */
  admin: string;
  /** The agent's requests and socket. */
  agent: string;
}

/**
 * An agent removed from an inbox loses its conversations on the very next request and on the
 * socket they hold open. Authentication reads the caller's membership with the user on every
 * request (core/caller.ts `userWithMembership`: nothing cached), and sockets re-read their
 * grants on the membership signal before the next event.
 */
async function removedAgentLosesTheInbox(
  servers: Servers,
  world: World,
  conversations: { removed: number; kept: number },
  sockets: TestSocket[],
): Promise<void> {
  const api = (base: string, token: string, method: string, path: string, body?: unknown) =>
    fetch(`${base}/api/v1/accounts/${world.accountId}${path}`, {
      method,
      headers: {
        api_access_token: token,
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  const asAgent = (path: string) => api(servers.agent, world.agent.access_token, 'GET', path);
  const asAdmin = (method: string, path: string, body?: unknown) =>
    api(servers.admin, world.admin.access_token, method, path, body);
  const listed = async () => {
    const res = await asAgent('/conversations?status=all');
    expect(res.status).toBe(200);
    const body = (await res.json()) as {
      data: { meta: { all_count: number }; payload: { id: number }[] };
    };
    return { ids: body.data.payload.map((c) => c.id), all: body.data.meta.all_count };
  };

  const socket = await openSocket(
    `${servers.agent.replace('http', 'ws')}/cable?account_id=${world.accountId}`,
    { headers: { api_access_token: world.agent.access_token } },
  );
  sockets.push(socket);
  await socket.next(isFrame('subscribed'));

  expect((await asAgent(`/conversations/${conversations.removed}`)).status).toBe(200);
  expect((await listed()).ids).toEqual(
    expect.arrayContaining([conversations.removed, conversations.kept]),
  );
  const before = `before ${randomBytes(4).toString('hex')}`;
  const sent = await asAdmin('POST', `/conversations/${conversations.removed}/messages`, {
    content: before,
  });
  expect(sent.status).toBe(200);
  await socket.next(
    isEvent('message.created', (d) => d.content === before),
    10_000,
  );

  const removed = await asAdmin('DELETE', '/inbox_members', {
    inbox_id: world.apiInboxId,
    user_ids: [world.agent.id],
  });
  expect(removed.status, await removed.clone().text()).toBe(200);

  // The next request: the conversation is gone for them, and from their list and counts.
  expect((await asAgent(`/conversations/${conversations.removed}`)).status).toBe(404);
  expect((await asAgent(`/conversations/${conversations.removed}/messages`)).status).toBe(404);
  const after = await listed();
  expect(after.ids).not.toContain(conversations.removed);
  expect(after.ids).toContain(conversations.kept);
  expect(after.all).toBe(after.ids.length);

  // The open socket: a message in the inbox they left does not reach it; one in the inbox they
  // kept does, after it (events arrive in order, so the first one was filtered, not late).
  const hidden = `hidden ${randomBytes(4).toString('hex')}`;
  const shown = `shown ${randomBytes(4).toString('hex')}`;
  for (const [id, content] of [
    [conversations.removed, hidden],
    [conversations.kept, shown],
  ] as const) {
    const res = await asAdmin('POST', `/conversations/${id}/messages`, { content });
    expect(res.status).toBe(200);
  }
  await socket.next(
    isEvent('message.created', (d) => d.content === shown),
    10_000,
  );
  await socket.quiet(
    isEvent('message.created', (d) => d.content === hidden),
    0,
  );
}

/** The agent is in both fixture inboxes; one conversation in each. */
async function prepare(db: TestDatabase['handle']['db'], world: World) {
  await db
    .insertInto('inbox_members')
    .values({ inbox_id: world.widgetInboxId, user_id: world.agent.id })
    .execute();
  const ids: number[] = [];
  for (const inboxId of [world.apiInboxId, world.widgetInboxId]) {
    const id = await insertConversation(db, {
      account_id: world.accountId,
      inbox_id: inboxId,
      contact_id: world.contactId,
    });
    const row = await db
      .selectFrom('conversations')
      .select('display_id')
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
    ids.push(row.display_id);
  }
  return { removed: ids[0]!, kept: ids[1]! };
}

describe.each(DATABASE_KINDS)('permission change in one process on %s', (kind) => {
  let t: TestApp;
  let world: World;
  const sockets: TestSocket[] = [];

  beforeAll(async () => {
    t = await createTestApp(kind);
    world = await createWorld(t.app.db);
    await t.app.listen({ port: 0, host: '127.0.0.1' });
  });
  afterAll(async () => {
    await Promise.all(sockets.map((s) => s.close()));
    await t.close();
  });

  it('an agent removed from an inbox loses its conversations at once, socket included', async () => {
    const conversations = await prepare(t.app.db, world);
    const base = `http://127.0.0.1:${(t.app.server.address() as AddressInfo).port}`;
    await removedAgentLosesTheInbox({ admin: base, agent: base }, world, conversations, sockets);
  });
});

describe('permission change across two server processes (PostgreSQL + Redis)', () => {
  let database: TestDatabase;
  let world: World;
  const servers: ServerProcess[] = [];
  const sockets: TestSocket[] = [];

  beforeAll(async () => {
    database = await createTestDatabase('postgres');
    world = await createWorld(database.handle.db);
    const env = { DATABASE_URL: database.url, REDIS_URL };
    servers.push(...(await Promise.all([startServer(env), startServer(env)])));
  }, 120_000);
  afterAll(async () => {
    await Promise.all(sockets.map((s) => s.close()));
    await Promise.all(servers.map((s) => s.stop()));
    await database?.drop();
  }, 60_000);

  it('removed on process A: the agent’s next request and socket on process B lose it', async () => {
    const [a, b] = servers as [ServerProcess, ServerProcess];
    const conversations = await prepare(database.handle.db, world);
    await removedAgentLosesTheInbox({ admin: a.url, agent: b.url }, world, conversations, sockets);
  }, 60_000);
});
