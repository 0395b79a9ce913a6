import type { RealtimeEnvelope } from '@bevatel/protocol';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connectDatabase } from '../db/connect';
import { startServer, type ServerProcess } from '../realtime/processes';
import { openSocket, type TestSocket } from '../realtime/testing';
import { insertConversation } from '../test/factories';
import { startPostgresCluster, type PostgresCluster } from './postgres-cluster';
import { startRedisServer, type RedisServer } from './redis-server';
import { eventually, seedWorld, type FaultWorld } from './support';

const POLL_MS = '50';

/**
 * The snooze scheduler with two server processes on one PostgreSQL and Redis: both poll every
 * 50 ms, each due conversation reopens exactly once (one activity line, one status event on
 * every socket, one notification); a conversation that fell due while every process was down
 * reopens when one starts again.
 */
describe('snoozed conversations reopen once across two server processes (postgres)', () => {
  const COUNT = 30;
  let cluster: PostgresCluster;
  let redis: RedisServer;
  let url: string;
  let world: FaultWorld;
  let servers: ServerProcess[] = [];
  let socket: TestSocket | null = null;

  const env = () => ({
    DATABASE_URL: url,
    REDIS_URL: redis.url,
    REDIS_CHANNEL: 'bevatel:snooze',
    SNOOZE_POLL_MS: POLL_MS,
  });

  async function snoozed(count: number, dueAt: number): Promise<number[]> {
    const handle = connectDatabase(url);
    try {
      const ids: number[] = [];
      for (let i = 0; i < count; i++) {
        ids.push(
          await insertConversation(handle.db, {
            account_id: world.accountId,
            inbox_id: world.apiInboxId,
            contact_id: world.contactId,
            assignee_id: world.agent.id,
            status: 'snoozed',
            snoozed_until: dueAt,
          }),
        );
      }
      return ids;
    } finally {
      await handle.close();
    }
  }

  async function stateOf(ids: number[]) {
    const handle = connectDatabase(url);
    try {
      const conversations = await handle.db
        .selectFrom('conversations')
        .select(['id', 'display_id', 'status', 'snoozed_until'])
        .where('id', 'in', ids)
        .execute();
      const activities = await handle.db
        .selectFrom('messages')
        .select(['conversation_id', 'content'])
        .where('conversation_id', 'in', ids)
        .where('message_type', '=', 2)
        .execute();
      const notifications = await handle.db
        .selectFrom('notifications')
        .select(['primary_actor_id', 'user_id', 'notification_type'])
        .where('primary_actor_id', 'in', ids)
        .execute();
      return { conversations, activities, notifications };
    } finally {
      await handle.close();
    }
  }

  beforeAll(async () => {
    cluster = await startPostgresCluster();
    redis = await startRedisServer();
    url = await cluster.createDatabase('snooze_multi');
    world = await seedWorld(url);
  }, 90_000);

  afterAll(async () => {
    await socket?.close();
    await Promise.all(servers.map((s) => s.stop()));
    await redis?.kill();
    cluster?.destroy();
  }, 30_000);

  it('reopens each due conversation exactly once', async () => {
    servers = await Promise.all([startServer(env()), startServer(env())]);
    socket = await openSocket(
      `ws://127.0.0.1:${servers[0]!.port}/cable?account_id=${world.accountId}`,
      { headers: { api_access_token: world.agent.access_token } },
    );
    await socket.next((m) => 'type' in m && m.type === 'subscribed');
    // Due shortly, while both schedulers poll.
    const ids = await snoozed(COUNT, Date.now() + 1500);
    await eventually(
      'every conversation open',
      async () => (await stateOf(ids)).conversations.every((c) => c.status === 'open'),
      20_000,
    );
    // Time for a second reopening, were there one.
    await new Promise((resolve) => setTimeout(resolve, 1000));
    const { conversations, activities, notifications } = await stateOf(ids);
    expect(conversations.every((c) => c.snoozed_until === null)).toBe(true);
    expect(activities).toHaveLength(COUNT);
    expect(new Set(activities.map((a) => a.conversation_id)).size).toBe(COUNT);
    expect(activities.every((a) => a.content === 'Conversation was reopened by System')).toBe(true);
    expect(notifications).toHaveLength(COUNT);
    expect(
      notifications.every(
        (n) =>
          n.notification_type === 'snoozed_conversation_reopened' && n.user_id === world.agent.id,
      ),
    ).toBe(true);

    // The agent's socket (on the first process) heard each reopening once, whichever process
    // made it, and was told once per conversation.
    const envelopes = socket.received.filter((m): m is RealtimeEnvelope => 'event' in m);
    const displayIds = new Set(conversations.map((c) => c.display_id));
    const statusEvents = envelopes.filter(
      (e) => e.event === 'conversation.status_changed' && displayIds.has(e.data.id),
    );
    expect(statusEvents).toHaveLength(COUNT);
    const told = envelopes.filter((e) => e.event === 'notification.created');
    expect(told).toHaveLength(COUNT);
  }, 90_000);

  it('reopens what fell due while no process ran, once one starts again', async () => {
    await socket?.close();
    socket = null;
    await Promise.all(servers.map((s) => s.stop()));
    servers = [];
    const ids = await snoozed(3, Date.now() - 60_000);
    servers = [await startServer(env())];
    await eventually(
      'reopened after the restart',
      async () => (await stateOf(ids)).conversations.every((c) => c.status === 'open'),
      15_000,
    );
    const { activities, notifications } = await stateOf(ids);
    expect(activities).toHaveLength(3);
    expect(notifications).toHaveLength(3);
  }, 90_000);
});
