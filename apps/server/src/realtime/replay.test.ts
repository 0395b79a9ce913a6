import { describe, expect, it } from 'vitest';
import type { BusMessage } from './bus';
import { ReplayBuffer, type ReplayEntry } from './replay';

const message = (id: number): BusMessage => ({
  audience: { accountId: 1, inboxId: null },
  envelope: { event: 'contact.deleted', data: { id }, account_id: 1, id, ts: 0 },
});
const ids = (entries: ReplayEntry[] | null) => entries?.map((e) => e.message.envelope.id) ?? null;

describe('ReplayBuffer', () => {
  it('returns what came after an id, nothing for the newest, null when it is gone', () => {
    const buffer = new ReplayBuffer(3);
    for (const id of [10, 11, 12, 13]) expect(buffer.push(message(id))).toBe('next');
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
    expect(buffer.push(message(5))).toBe('gap');
    expect(ids(buffer.since(4))).toEqual([5]);
    expect(buffer.since(2)).toBeNull();
  });

  it('keeps nothing at or below the last id (late, or from before a restart)', () => {
    const buffer = new ReplayBuffer(10);
    buffer.push(message(1));
    buffer.push(message(2));
    expect(buffer.push(message(2))).toBe('stale');
    expect(buffer.push(message(1))).toBe('stale');
    expect(ids(buffer.since(0))).toEqual([1, 2]);
    expect(buffer.push(message(3))).toBe('next');
  });

  it('starts a new run after a restart of the sequence, answering older resumes with null', () => {
    const buffer = new ReplayBuffer(10);
    buffer.push(message(1));
    buffer.push(message(2));
    buffer.restart(1000);
    expect(buffer.lastId).toBe(1000);
    expect(buffer.push(message(1001))).toBe('next');
    expect(ids(buffer.since(1000))).toEqual([1001]);
    expect(buffer.since(2)).toBeNull();
  });

  it('has nothing to replay before the first event', () => {
    const buffer = new ReplayBuffer(10);
    expect(ids(buffer.since(0))).toEqual([]);
  });

  it('keeps within its byte budget, always holding the newest', () => {
    const buffer = new ReplayBuffer(100, 250);
    for (let id = 1; id <= 10; id += 1) buffer.push(message(id), Buffer.alloc(100));
    expect(ids(buffer.since(8))).toEqual([9, 10]);
    expect(buffer.since(7)).toBeNull();
    buffer.push(message(11), Buffer.alloc(1000));
    expect(ids(buffer.since(10))).toEqual([11]);
    expect(buffer.since(9)).toBeNull();
  });

  it('stays correct across compactions', () => {
    const buffer = new ReplayBuffer(3);
    for (let id = 1; id <= 5000; id += 1) buffer.push(message(id));
    expect(buffer.size).toBe(3);
    expect(ids(buffer.since(4997))).toEqual([4998, 4999, 5000]);
  });
});
