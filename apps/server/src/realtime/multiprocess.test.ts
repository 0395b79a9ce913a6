import { randomBytes } from 'node:crypto';
import type { RealtimeEnvelope } from '@bevatel/protocol';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../test/databases';
import { createWorld, type World } from '../test/fixtures';
import { startServer, type ServerProcess } from './processes';
import { isEvent, isFrame, openSocket, type TestSocket } from './testing';

const REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';

/**
 * Two real server processes on one PostgreSQL database and one Redis: a message created
 * through the REST API of one reaches a browser socket held by the other.
 */
describe('realtime across two server processes', () => {
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

  it('delivers message.created from process A to a socket on process B', async () => {
    const [a, b] = servers as [ServerProcess, ServerProcess];
    const wsUrl = `ws://127.0.0.1:${b.port}/cable?account_id=${world.accountId}`;
    const agent = await openSocket(wsUrl, {
      headers: { api_access_token: world.agent.access_token },
    });
    const outsider = await openSocket(wsUrl, {
      headers: { api_access_token: world.outsider.access_token },
    });
    sockets.push(agent, outsider);
    await agent.next(isFrame('subscribed'));
    await outsider.next(isFrame('subscribed'));

    const api = (path: string, body: unknown) =>
      fetch(`${a.url}/api/v1/accounts/${world.accountId}${path}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', api_access_token: world.admin.access_token },
        body: JSON.stringify(body),
      });
    const opened = await api('/conversations', {
      inbox_id: world.apiInboxId,
      contact_id: world.contactId,
    });
    expect(opened.status, await opened.clone().text()).toBe(200);
    const conversation = (await opened.json()) as { id: number };

    const content = `across processes ${randomBytes(4).toString('hex')}`;
    const posted = await api(`/conversations/${conversation.id}/messages`, { content });
    expect(posted.status, await posted.clone().text()).toBe(200);
    const message = (await posted.json()) as { id: number };

    const received = (await agent.next(
      isEvent('message.created', (d) => d.content === content),
      10_000,
    )) as RealtimeEnvelope;
    expect(received).toMatchObject({
      account_id: world.accountId,
      data: { id: message.id, content, inbox_id: world.apiInboxId },
    });
    // The outsider belongs to no inbox: it sees neither the conversation nor the message.
    await outsider.quiet(
      isEvent('message.created', (d) => d.content === content),
      500,
    );
    await outsider.quiet(isEvent('conversation.created'), 0);
  });
});
