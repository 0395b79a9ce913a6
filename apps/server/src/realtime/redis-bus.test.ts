import { randomBytes } from 'node:crypto';
import { Redis } from 'ioredis';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import type { BusMessage, BusSignal, RealtimeBus } from './bus';
import { createRedisBus } from './redis-bus';

const REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';

function collect(bus: RealtimeBus) {
  const messages: BusMessage[] = [];
  const signals: BusSignal[] = [];
  bus.subscribe((m) => messages.push(m));
  bus.onSignal((s) => signals.push(s));
  return { messages, signals };
}

async function until(check: () => boolean, ms = 5000) {
  const deadline = Date.now() + ms;
  while (!check()) {
    if (Date.now() > deadline) throw new Error('timed out waiting');
    await new Promise((done) => setTimeout(done, 10));
  }
}

const event = (id: number) => ({
  audience: { accountId: 1, inboxId: 2 },
  draft: { event: 'contact.deleted' as const, data: { id }, account_id: 1, ts: Date.now() },
});

describe('Redis bus', () => {
  const admin = new Redis(REDIS_URL);
  const buses: RealtimeBus[] = [];
  const channel = `bevatel:test:${process.pid}:${randomBytes(4).toString('hex')}`;
  const open = async (name = 'x') => {
    const bus = await createRedisBus({ url: REDIS_URL, channel, clientName: `${channel}-${name}` });
    buses.push(bus);
    return bus;
  };
  afterEach(async () => {
    await Promise.all(buses.splice(0).map((bus) => bus.close()));
  });
  afterAll(async () => {
    await admin.del(`${channel}:seq`);
    await admin.quit();
  });

  it('delivers every event to every process, in one order, with consecutive ids', async () => {
    const a = await open('a');
    const b = await open('b');
    const fromA = collect(a);
    const fromB = collect(b);
    await Promise.all(Array.from({ length: 40 }, (_, i) => (i % 2 ? a : b).publish(event(i))));
    await until(() => fromA.messages.length === 40 && fromB.messages.length === 40);
    const idsA = fromA.messages.map((m) => m.envelope.id);
    expect(fromB.messages.map((m) => m.envelope.id)).toEqual(idsA);
    idsA.forEach((id, i) => i > 0 && expect(id).toBe((idsA[i - 1] as number) + 1));
    expect(idsA[0]).toBeGreaterThan(Date.now()); // seeded from the clock (µs scale)
    const first = fromA.messages[0] as BusMessage;
    expect(first.audience).toEqual({ accountId: 1, inboxId: 2 });
    expect(first.envelope).toMatchObject({ event: 'contact.deleted', account_id: 1 });
  });

  it('carries membership signals', async () => {
    const a = await open('a');
    const b = await open('b');
    const fromB = collect(b);
    await a.signal({ kind: 'membership', accountId: 3, userId: 4 });
    await until(() => fromB.signals.length === 1);
    expect(fromB.signals[0]).toEqual({ kind: 'membership', accountId: 3, userId: 4 });
  });

  it('reconnects and resubscribes after losing its subscriber connection', async () => {
    const a = await open('a');
    const b = await open('b');
    const fromB = collect(b);
    const list = await admin.client('LIST');
    const line = String(list)
      .split('\n')
      .find((l) => l.includes(`name=${channel}-b-sub`));
    const id = /\bid=(\d+)/.exec(line ?? '')?.[1];
    expect(id).toBeDefined();
    await admin.client('KILL', 'ID', id as string);
    // Publish until the resubscribed connection hears one again.
    await until(() => {
      void a.publish(event(1));
      return fromB.messages.length > 0;
    }, 10_000);
  });

  it('fails fast at startup when Redis is unreachable', async () => {
    await expect(
      createRedisBus({ url: 'redis://127.0.0.1:1', connectTimeoutMs: 500 }),
    ).rejects.toThrow('cannot reach Redis at redis://127.0.0.1:1 (REDIS_URL)');
  });
});
