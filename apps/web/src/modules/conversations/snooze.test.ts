import { describe, expect, it } from 'vitest';
import { fromLocalInputValue, snoozeUntil, toLocalInputValue } from './snooze';

const local = (s: number) => new Date(s * 1000);

describe('snoozeUntil', () => {
  const wednesday = new Date(2026, 2, 4, 15, 30); // Wed 4 March 2026, 15:30 local

  it('ends tomorrow at 09:00 local time', () => {
    const until = local(snoozeUntil('tomorrow', wednesday, 'en'));
    expect([until.getDate(), until.getHours(), until.getMinutes()]).toEqual([5, 9, 0]);
  });

  it('ends next Monday at 09:00 in English', () => {
    const until = local(snoozeUntil('next_week', wednesday, 'en'));
    expect([until.getDay(), until.getDate(), until.getHours()]).toEqual([1, 9, 9]);
  });

  it('ends next Sunday at 09:00 in Arabic (the Saudi working week)', () => {
    const until = local(snoozeUntil('next_week', wednesday, 'ar'));
    expect([until.getDay(), until.getDate(), until.getHours()]).toEqual([0, 8, 9]);
  });

  it('on the first day of the week, goes to the next one, not today', () => {
    const monday = new Date(2026, 2, 2, 8, 0);
    expect(local(snoozeUntil('next_week', monday, 'en')).getDate()).toBe(9);
  });

  it('ends in an hour, to the minute', () => {
    const until = local(snoozeUntil('in_an_hour', new Date(2026, 2, 4, 15, 30, 42), 'en'));
    expect([until.getHours(), until.getMinutes(), until.getSeconds()]).toEqual([16, 30, 0]);
  });

  it('reads and writes the date/time picker’s local value', () => {
    const seconds = Math.floor(new Date(2026, 2, 4, 9, 5).getTime() / 1000);
    expect(toLocalInputValue(seconds)).toBe('2026-03-04T09:05');
    expect(fromLocalInputValue('2026-03-04T09:05')).toBe(seconds);
    expect(fromLocalInputValue('')).toBeNull();
    expect(fromLocalInputValue('tomorrow')).toBeNull();
  });
});
