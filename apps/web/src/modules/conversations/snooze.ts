import type { Locale } from '@bevatel/protocol';

export type SnoozeOption = 'tomorrow' | 'next_week';

/**
 * When a snooze ends, in Unix seconds: tomorrow 09:00 local time, or 09:00 on the first day of
 * next week — Sunday for Arabic (the Saudi working week), Monday otherwise.
 */
export function snoozeUntil(option: SnoozeOption, now: Date, locale: Locale): number {
  const target = new Date(now.getTime());
  target.setHours(9, 0, 0, 0);
  if (option === 'tomorrow') {
    target.setDate(target.getDate() + 1);
  } else {
    const weekStart = locale === 'ar' ? 0 : 1;
    const ahead = (weekStart - target.getDay() + 7) % 7 || 7;
    target.setDate(target.getDate() + ahead);
  }
  return Math.floor(target.getTime() / 1000);
}
