/**
 * Auto-offline through real sockets: an agent whose last socket closed goes offline once the
 * grace period passed (where auto_offline is on), colleagues hear it live, and a new socket
 * brings them back; a reconnect within the grace period changes nothing.
 */
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../test/app';
import { DATABASE_KINDS } from '../test/databases';
import { createWorld, type FixtureUser, type World } from '../test/fixtures';
import { isEvent, isFrame, openSocket, type TestSocket } from './testing';

const GRACE_MS = 400;
const HEARTBEAT_MS = 100;

describe.each(DATABASE_KINDS)('presence on %s', (kind) => {
  let t: TestApp;
  let w: World;
  let base: string;
  const sockets: TestSocket[] = [];

  const socketOf = async (user: FixtureUser) => {
    const socket = await openSocket(
      `${base.replace('http', 'ws')}/cable?account_id=${w.accountId}`,
      {
        headers: { api_access_token: user.access_token },
      },
    );
    sockets.push(socket);
    await socket.next(isFrame('subscribed'));
    return socket;
  };
  const statusOf = async (userId: number) => {
    const res = await fetch(`${base}/api/v1/accounts/${w.accountId}/agents`, {
      headers: { api_access_token: w.admin.access_token },
    });
    const agents = (await res.json()) as { id: number; availability_status: string }[];
    return agents.find((agent) => agent.id === userId)?.availability_status;
  };
  const presence = (userId: number, status: string) =>
    isEvent('presence.update', (d) => (d.users as Record<string, string>)[userId] === status);

  beforeAll(async () => {
    t = await createTestApp(kind, { presence: { graceMs: GRACE_MS, heartbeatMs: HEARTBEAT_MS } });
    w = await createWorld(t.app.db);
    await t.app.listen({ port: 0, host: '127.0.0.1' });
    base = `http://127.0.0.1:${(t.app.server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    await Promise.all(sockets.map((socket) => socket.close()));
    await t.close();
  });

  it('takes an agent offline after their last socket closed, and back with a new one', async () => {
    const admin = await socketOf(w.admin);
    const first = await socketOf(w.agent);
    const second = await socketOf(w.agent);
    await first.close();
    // Another socket is still open: nothing changes however long it takes.
    await admin.quiet(presence(w.agent.id, 'offline'), GRACE_MS + 4 * HEARTBEAT_MS);
    expect(await statusOf(w.agent.id)).toBe('online');

    const closedAt = Date.now();
    await second.close();
    const offline = await admin.next(presence(w.agent.id, 'offline'), 5000);
    expect(Date.now() - closedAt).toBeGreaterThanOrEqual(GRACE_MS);
    expect(offline).toMatchObject({ data: { account_id: w.accountId } });
    expect(await statusOf(w.agent.id)).toBe('offline');

    await socketOf(w.agent);
    await admin.next(presence(w.agent.id, 'online'), 5000);
    expect(await statusOf(w.agent.id)).toBe('online');
  });

  it('keeps an agent who comes back within the grace period, and one without auto_offline', async () => {
    const admin = await socketOf(w.admin);
    const brief = await socketOf(w.agent);
    await brief.close();
    await socketOf(w.agent);
    await admin.quiet(presence(w.agent.id, 'offline'), GRACE_MS + 4 * HEARTBEAT_MS);

    await t.app.db
      .updateTable('account_users')
      .set({ auto_offline: 0 })
      .where('user_id', '=', w.outsider.id)
      .execute();
    const gone = await socketOf(w.outsider);
    await gone.close();
    await admin.quiet(presence(w.outsider.id, 'offline'), GRACE_MS + 4 * HEARTBEAT_MS);
    expect(await statusOf(w.outsider.id)).toBe('online');
  });

  it('tells colleagues at once when an agent chooses busy', async () => {
    const admin = await socketOf(w.admin);
    const res = await fetch(`${base}/api/v1/profile/availability`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', api_access_token: w.agent.access_token },
      body: JSON.stringify({ profile: { availability: 'busy', account_id: w.accountId } }),
    });
    expect(res.status).toBe(200);
    await admin.next(presence(w.agent.id, 'busy'), 2000);
    expect(await statusOf(w.agent.id)).toBe('busy');
  });
});
