import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { RealtimeEnvelope, RealtimeServerMessage } from '@bevatel/protocol';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type ServerProcess } from '../realtime/processes';
import { isEvent, isFrame, openSocket, type TestSocket } from '../realtime/testing';
import { startRedisServer, type RedisServer } from './redis-server';
import { accountPath, call, seedWorld, type FaultWorld } from './support';

const isMessageCreated = (content: string) =>
  isEvent('message.created', (data) => data.content === content);

/**
 * Realtime through the server's own Redis, which the test kills (SIGKILL) and starts again
 * empty on the same port, as a crashed Redis without persistence comes back. Redis's part does
 * not depend on the database: these run on SQLite.
 */
describe('Redis outage', () => {
  let dir: string;
  let redis: RedisServer;
  let world: FaultWorld;
  const servers: ServerProcess[] = [];
  const sockets: TestSocket[] = [];

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'bevatel-redis-outage-'));
    world = await seedWorld(`sqlite:${join(dir, 'db.sqlite3')}`);
    redis = await startRedisServer();
  }, 60_000);

  afterEach(async () => {
    await Promise.all(sockets.splice(0).map((s) => s.close()));
    await Promise.all(servers.splice(0).map((s) => s.stop()));
  }, 30_000);

  afterAll(async () => {
    await redis?.kill();
    rmSync(dir, { recursive: true, force: true });
  });

  async function serverWithSocket(env: Record<string, string> = {}) {
    const server = await startServer({
      DATABASE_URL: `sqlite:${join(dir, 'db.sqlite3')}`,
      REDIS_URL: redis.url,
      REDIS_CHANNEL: `bevatel:outage:${Date.now()}`,
      ...env,
    });
    servers.push(server);
    const socket = await openSocket(
      `ws://127.0.0.1:${server.port}/cable?account_id=${world.accountId}`,
      { headers: { api_access_token: world.admin.access_token } },
    );
    sockets.push(socket);
    await socket.next(isFrame('subscribed'));
    return { server, socket };
  }

  const post = (server: ServerProcess, content: string) =>
    call(server.url, 'POST', accountPath(world, `/conversations/${world.conversation}/messages`), {
      token: world.admin.access_token,
      body: { content },
    });

  it('never delays a request, keeps the events and sends them in order when Redis is back', async () => {
    const { server, socket } = await serverWithSocket();
    const before = `before ${Date.now()}`;
    expect((await post(server, before)).status).toBe(200);
    await socket.next(isMessageCreated(before));

    await redis.kill();
    // The dashboard hears that live updates are paused (it shows "Reconnecting…").
    await socket.next(isFrame('interrupted'), 5000);
    const during = [1, 2, 3].map((n) => `during the outage ${n} ${Date.now()}`);
    for (const content of during) {
      const answer = await post(server, content);
      expect(answer.status).toBe(200);
      expect(answer.ms).toBeLessThan(1000); // was two 2 s publish timeouts per message
    }
    const ready = await call(server.url, 'GET', '/ready');
    expect(ready.status).toBe(503);
    expect(ready.body).toMatchObject({ checks: { database: 'ok', redis: 'unavailable' } });

    await redis.start();
    const received: RealtimeEnvelope[] = [];
    for (const content of during) {
      received.push((await socket.next(isMessageCreated(content), 10_000)) as RealtimeEnvelope);
    }
    await socket.next(isFrame('restored'), 5000);
    // In order, with increasing ids, and nothing told to refetch: nothing was lost.
    const ids = received.map((e) => e.id);
    expect([...ids].sort((a, b) => a - b)).toEqual(ids);
    expect(socket.received.some((m) => 'type' in m && m.type === 'resync')).toBe(false);
    expect((await call(server.url, 'GET', '/ready')).status).toBe(200);
  }, 60_000);

  it('tells every socket to resync as soon as Redis is back when the held events overflowed', async () => {
    // Each message makes two events (message.created, conversation.updated): 3 messages, 6.
    const { server, socket } = await serverWithSocket({ REALTIME_BUFFER_EVENTS: '2' });
    await redis.kill();
    await socket.next(isFrame('interrupted'), 5000);
    const during = [1, 2, 3].map((n) => `overflowing ${n} ${Date.now()}`);
    for (const content of during) expect((await post(server, content)).status).toBe(200);

    const restarted = Date.now();
    await redis.start();
    // No new event is needed for the socket to learn of the loss.
    await socket.next(isFrame('resync'), 10_000);
    expect(Date.now() - restarted).toBeLessThan(5000);
    // The newest events were kept and follow the resync.
    await socket.next(isMessageCreated(during[2] as string), 5000);
    const order = socket.received.map((m: RealtimeServerMessage) =>
      'type' in m ? m.type : m.event,
    );
    expect(order.indexOf('resync')).toBeLessThan(order.lastIndexOf('message.created'));
    expect(server.output()).toContain('realtime outbox full');
  }, 60_000);
});
