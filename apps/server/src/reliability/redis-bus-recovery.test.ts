import { Redis } from 'ioredis';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { BusMessage, BusSignal, RealtimeBus } from '../realtime/bus';
import { createRedisBus } from '../realtime/redis-bus';
import { startRedisServer, type RedisServer } from './redis-server';
import { eventually } from './support';

const event = (id: number) => ({
  audience: { accountId: 1, inboxId: null },
  draft: { event: 'contact.deleted' as const, data: { id }, account_id: 1, ts: Date.now() },
});

function watch(bus: RealtimeBus) {
  const seen = {
    messages: [] as BusMessage[],
    signals: [] as BusSignal[],
    links: [] as boolean[],
  };
  bus.subscribe((m) => seen.messages.push(m));
  bus.onSignal((s) => seen.signals.push(s));
  bus.onLink((live) => seen.links.push(live));
  return seen;
}

/** The Redis bus's own recovery, on a Redis of the test's own that it kills and restarts. */
describe('Redis bus after an outage', () => {
  let redis: RedisServer;
  const buses: RealtimeBus[] = [];
  let channel = '';
  const open = async (name: string) => {
    const bus = await createRedisBus({
      url: redis.url,
      channel,
      clientName: `recovery-${name}`,
      connectTimeoutMs: 3000,
    });
    buses.push(bus);
    return bus;
  };

  beforeAll(async () => {
    redis = await startRedisServer();
  }, 30_000);
  afterEach(async () => {
    await Promise.all(buses.splice(0).map((bus) => bus.close()));
  });
  afterAll(async () => {
    await redis?.kill();
  });

  it('knows at once when another process published while its subscriber was away', async () => {
    channel = `recovery:missed:${Date.now()}`;
    const a = await open('a');
    const b = await open('b');
    const seenB = watch(b);
    await a.publish(event(1));
    await eventually('b to receive the first event', async () => seenB.messages.length === 1);

    // Drop b's subscriber connection only; Redis stays up and a publishes meanwhile.
    const admin = new Redis(redis.url);
    try {
      await admin.call('CLIENT', 'KILL', 'TYPE', 'pubsub');
      await a.publish(event(2));
      await a.publish(event(3));
    } finally {
      admin.disconnect();
    }
    await eventually('b to be told to resync', async () =>
      seenB.signals.some((s) => s.kind === 'resync'),
    );
    expect(seenB.links).toEqual([false, true]);
    // It did not need a later event to notice: nothing after id 3 was published.
    expect(seenB.messages.map((m) => m.envelope.data)).toEqual([{ id: 1 }]);
  }, 30_000);

  it('takes the new sequence of a restarted, empty Redis for what it is', async () => {
    channel = `recovery:restart:${Date.now()}`;
    const a = await open('a');
    const seen = watch(a);
    await a.publish(event(1));
    await redis.kill();
    await eventually('the link to go down', async () => seen.links.includes(false));
    await expect(a.publish(event(2))).rejects.toThrow(); // at once: no offline queue
    await redis.start();
    await eventually('the link to come back', async () => seen.links.at(-1) === true, 15_000);
    await eventually('a publish to go through', async () => {
      await a.publish(event(3));
      return true;
    });
    await eventually('the event after the restart', async () =>
      seen.messages.some((m) => (m.envelope.data as { id: number }).id === 3),
    );
    // The counter started again from the clock, announced before the first new id.
    const sequences = seen.signals.filter((s) => s.kind === 'sequence');
    expect(sequences).toHaveLength(2); // the first publish on a new channel, then the restart
    const sequence = sequences[1];
    const [first, after] = seen.messages.map((m) => m.envelope.id) as [number, number];
    expect(after).toBeGreaterThan(first);
    expect(after).toBe((sequence as { after: number }).after + 1);
    expect(seen.signals.some((s) => s.kind === 'resync')).toBe(false);
  }, 30_000);
});
