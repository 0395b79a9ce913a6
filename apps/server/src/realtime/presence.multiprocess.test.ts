/**
 * Auto-offline across two real server processes on one PostgreSQL database and one Redis: the
 * agent's socket on one, a colleague's on the other. Both processes sweep; the change is
 * announced once. A process killed with the agent's socket open stops vouching for it.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../test/databases';
import { createWorld, type FixtureUser, type World } from '../test/fixtures';
import { startServer, type ServerProcess } from './processes';
import { isEvent, isFrame, openSocket, type TestSocket } from './testing';

const REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';

describe('auto-offline across two server processes', () => {
  let database: TestDatabase;
  let world: World;
  let a: ServerProcess;
  let b: ServerProcess;
  const sockets: TestSocket[] = [];

  const socketOn = async (server: ServerProcess, user: FixtureUser) => {
    const url = `ws://127.0.0.1:${server.port}/cable?account_id=${world.accountId}`;
    const socket = await openSocket(url, { headers: { api_access_token: user.access_token } });
    sockets.push(socket);
    await socket.next(isFrame('subscribed'));
    return socket;
  };
  const isPresence = (status: string) =>
    isEvent(
      'presence.update',
      (d) => (d.users as Record<string, string>)[String(world.agent.id)] === status,
    );

  beforeAll(async () => {
    database = await createTestDatabase('postgres');
    world = await createWorld(database.handle.db);
    const env = {
      DATABASE_URL: database.url,
      REDIS_URL,
      AUTO_OFFLINE_GRACE_SECONDS: '1',
      PRESENCE_HEARTBEAT_SECONDS: '1',
    };
    [a, b] = await Promise.all([startServer(env), startServer(env)]);
  }, 120_000);

  afterAll(async () => {
    await Promise.all(sockets.map((s) => s.close()));
    await Promise.all([a, b].map((s) => s?.stop()));
    await database?.drop();
  }, 60_000);

  it('announces once, on the other process, that the agent went offline', async () => {
    const colleague = await socketOn(b, world.admin);
    const agent = await socketOn(a, world.agent);
    await agent.close();
    await colleague.next(isPresence('offline'), 10_000);
    // Both processes swept; only one of them announced it.
    await new Promise((resolve) => setTimeout(resolve, 3_000));
    expect(colleague.received.filter(isPresence('offline'))).toHaveLength(1);
    await socketOn(b, world.agent);
    await colleague.next(isPresence('online'), 10_000);
  }, 30_000);

  it('takes the agent offline when the process holding their socket is killed', async () => {
    // From scratch: every socket of the first test closed, the agent offline again.
    const watcher = await socketOn(b, world.admin);
    await Promise.all(sockets.filter((s) => s !== watcher).map((s) => s.close()));
    await watcher.next(isPresence('offline'), 10_000);
    const colleague = await socketOn(b, world.admin);
    await socketOn(a, world.agent);
    await colleague.next(isPresence('online'), 10_000);
    await a.kill('SIGKILL');
    // A's rows go stale after three missed heartbeats; then the grace period.
    await colleague.next(isPresence('offline'), 15_000);
  }, 40_000);
});
