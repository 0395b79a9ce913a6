import { describe, expect, it } from 'vitest';
import type { BusMessage } from './bus';
import { ReplayBuffer } from './replay';

const message = (id: number): BusMessage => ({
  audience: { accountId: 1, inboxId: null },
  envelope: { event: 'contact.deleted', data: { id }, account_id: 1, id, ts: 0 },
});
const ids = (messages: BusMessage[] | null) => messages?.map((m) => m.envelope.id) ?? null;

describe('ReplayBuffer', () => {
  it('returns what came after an id, nothing for the newest, null when it is gone', () => {
    const buffer = new ReplayBuffer(3);
    for (const id of [10, 11, 12, 13]) expect(buffer.push(message(id))).toBe(true);
    expect(buffer.lastId).toBe(13);
    expect(ids(buffer.since(11))).toEqual([12, 13]);
    expect(ids(buffer.since(10))).toEqual([11, 12, 13]);
    expect(ids(buffer.since(13))).toEqual([]);
    expect(ids(buffer.since(99))).toEqual([]);
    expect(buffer.since(9)).toBeNull();
  });

  it('reports a gap and forgets what came before it', () => {
    const buffer = new ReplayBuffer(10);
    buffer.push(message(1));
    buffer.push(message(2));
    expect(buffer.push(message(5))).toBe(false);
    expect(ids(buffer.since(4))).toEqual([5]);
    expect(buffer.since(2)).toBeNull();
  });

  it('answers null when it holds nothing but knows of later ids', () => {
    const buffer = new ReplayBuffer(10);
    expect(ids(buffer.since(0))).toEqual([]);
  });
});
