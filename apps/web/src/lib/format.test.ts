import { describe, expect, it } from 'vitest';
import { localSeconds } from '../test/factories';
import { dayKey, formatDayHeading, formatNumber, formatRelative } from './format';

describe('formatting per locale', () => {
  const now = new Date(2026, 2, 4, 15, 0).getTime();

  it('names today and yesterday, and dates before that', () => {
    expect(formatDayHeading('en', localSeconds(2026, 3, 4, 9), now)).toBe('Today');
    expect(formatDayHeading('en', localSeconds(2026, 3, 3, 23), now)).toBe('Yesterday');
    expect(formatDayHeading('en', localSeconds(2026, 3, 1), now)).toContain('2026');
    expect(formatDayHeading('ar', localSeconds(2026, 3, 4, 9), now)).toBe('اليوم');
  });

  it('formats numbers and relative times in the agent language', () => {
    expect(formatNumber('en', 1234)).toBe('1,234');
    expect(formatRelative('ar', Math.floor(now / 1000) - 300, now)).toMatch(/[\u0600-\u06FF]/);
    expect(formatRelative('en', Math.floor(now / 1000) - 300, now)).toBe('5 min. ago');
    expect(formatRelative('en', Math.floor(now / 1000) - 10, now)).toBe('now');
  });

  it('keys days by local date', () => {
    expect(dayKey(localSeconds(2026, 12, 31, 23, 59))).toBe('2026-12-31');
  });
});
