import { describe, expect, it } from 'vitest';
import { createMemoryBus, type BusDraft, type BusSignal, type RealtimeBus } from './bus';
import { Outbox, type OutboxOptions } from './outbox';

/** A bus that records what reached it and fails while `down` is set. */
function flakyBus() {
  const sent: (number | string)[] = [];
  const state = { down: false };
  const fail = () => Promise.reject(new Error('Redis is away'));
  const bus: RealtimeBus = {
    ...createMemoryBus(),
    publish: async ({ draft }: BusDraft) => {
      if (state.down) return fail();
      sent.push((draft.data as { id: number }).id);
    },
    signal: async (signal: BusSignal) => {
      if (state.down) return fail();
      sent.push(signal.kind);
    },
  };
  return { bus, sent, state };
}

const draft = (id: number, text = ''): BusDraft => ({
  audience: { accountId: 1, inboxId: null },
  draft: { event: 'contact.deleted', data: { id, text } as never, account_id: 1, ts: 0 },
});
const options = (overrides: Partial<OutboxOptions> = {}): OutboxOptions => ({
  maxItems: 100,
  maxBytes: 1024 * 1024,
  retryMs: [5, 20],
  ...overrides,
});
async function until(check: () => boolean, ms = 2000) {
  const deadline = Date.now() + ms;
  while (!check()) {
    if (Date.now() > deadline) throw new Error('timed out waiting');
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

describe('Outbox', () => {
  it('hands events to the bus at once and in order while it works', async () => {
    const { bus, sent } = flakyBus();
    const outbox = new Outbox(bus, options());
    outbox.push({ kind: 'event', message: draft(1) });
    expect(sent).toEqual([1]); // started within push: no wait for a later tick
    outbox.push({ kind: 'event', message: draft(2) });
    outbox.push({ kind: 'signal', signal: { kind: 'membership', accountId: 1, userId: null } });
    await until(() => outbox.size === 0);
    expect(sent).toEqual([1, 2, 'membership']);
  });

  it('holds events while the bus fails, never making the caller wait, and sends them when back', async () => {
    const { bus, sent, state } = flakyBus();
    const outbox = new Outbox(bus, options());
    state.down = true;
    const started = performance.now();
    for (let id = 1; id <= 5; id += 1) outbox.push({ kind: 'event', message: draft(id) });
    expect(performance.now() - started).toBeLessThan(20);
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(sent).toEqual([]);
    expect(outbox.size).toBe(5);
    state.down = false;
    outbox.retryNow();
    await until(() => outbox.size === 0);
    expect(sent).toEqual([1, 2, 3, 4, 5]);
  });

  it('keeps the newest when full, and sends a resync first once the bus is back', async () => {
    const { bus, sent, state } = flakyBus();
    const outbox = new Outbox(bus, options({ maxItems: 3 }));
    state.down = true;
    for (let id = 1; id <= 6; id += 1) outbox.push({ kind: 'event', message: draft(id) });
    await new Promise((resolve) => setTimeout(resolve, 20));
    state.down = false;
    await until(() => outbox.size === 0);
    expect(sent).toEqual(['resync', 4, 5, 6]);
    // A later outage without overflow sends no resync.
    state.down = true;
    outbox.push({ kind: 'event', message: draft(7) });
    await new Promise((resolve) => setTimeout(resolve, 20));
    state.down = false;
    await until(() => outbox.size === 0);
    expect(sent).toEqual(['resync', 4, 5, 6, 7]);
  });

  it('bounds what it holds by bytes too', async () => {
    const { bus, sent, state } = flakyBus();
    const outbox = new Outbox(bus, options({ maxBytes: 2500 }));
    state.down = true;
    for (let id = 1; id <= 5; id += 1) {
      outbox.push({ kind: 'event', message: draft(id, 'x'.repeat(1000)) });
    }
    await new Promise((resolve) => setTimeout(resolve, 20));
    state.down = false;
    await until(() => outbox.size === 0);
    expect(sent).toEqual(['resync', 4, 5]);
  });

  it('drops what is left after the shutdown grace', async () => {
    const { bus, sent, state } = flakyBus();
    const outbox = new Outbox(bus, options());
    state.down = true;
    outbox.push({ kind: 'event', message: draft(1) });
    await outbox.close(30);
    state.down = false;
    outbox.push({ kind: 'event', message: draft(2) });
    await new Promise((resolve) => setTimeout(resolve, 30));
    expect(sent).toEqual([]);
    expect(outbox.size).toBe(0);
  });
});
