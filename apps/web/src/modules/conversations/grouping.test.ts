import { describe, expect, it } from 'vitest';
import { localSeconds, message } from '../../test/factories';
import { continuesRun, groupMessagesByDay } from './grouping';

describe('groupMessagesByDay', () => {
  it('splits messages into runs per local calendar day, keeping order', () => {
    const messages = [
      message({ id: 1, created_at: localSeconds(2026, 3, 1, 9) }),
      message({ id: 2, created_at: localSeconds(2026, 3, 1, 23, 59) }),
      message({ id: 3, created_at: localSeconds(2026, 3, 2, 0, 1) }),
      message({ id: 4, created_at: localSeconds(2026, 3, 5, 12) }),
    ];
    const groups = groupMessagesByDay(messages);
    expect(groups.map((g) => g.day)).toEqual(['2026-03-01', '2026-03-02', '2026-03-05']);
    expect(groups.map((g) => g.messages.map((m) => m.id))).toEqual([[1, 2], [3], [4]]);
    expect(groups[0]!.timestamp).toBe(messages[0]!.created_at);
  });

  it('returns nothing for no messages', () => {
    expect(groupMessagesByDay([])).toEqual([]);
  });
});

describe('continuesRun', () => {
  const base = message({
    id: 1,
    created_at: 1000,
    sender_id: 5,
    sender_type: 'User',
    message_type: 1,
  });

  it('joins messages of the same sender and kind within five minutes', () => {
    expect(continuesRun(base, { ...base, id: 2, created_at: 1000 + 299 })).toBe(true);
  });

  it('breaks on another sender, another kind, a private note or a long pause', () => {
    expect(continuesRun(undefined, base)).toBe(false);
    expect(continuesRun(base, { ...base, id: 2, sender_id: 6 })).toBe(false);
    expect(continuesRun(base, { ...base, id: 2, message_type: 0 })).toBe(false);
    expect(continuesRun(base, { ...base, id: 2, private: true })).toBe(false);
    expect(continuesRun(base, { ...base, id: 2, created_at: 1000 + 300 })).toBe(false);
  });
});
