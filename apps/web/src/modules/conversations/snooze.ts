import type { Locale } from '@bevatel/protocol';

export const SNOOZE_OPTIONS = ['in_an_hour', 'tomorrow', 'next_week'] as const;
export type SnoozeOption = (typeof SNOOZE_OPTIONS)[number];

/**
 * When a snooze ends, in Unix seconds: an hour from now (to the minute), tomorrow 09:00 local
 * time, or 09:00 on the first day of next week — Sunday for Arabic (the Saudi working week),
 * Monday otherwise.
 */
export function snoozeUntil(option: SnoozeOption, now: Date, locale: Locale): number {
  if (option === 'in_an_hour') {
    const inAnHour = new Date(now.getTime() + 3_600_000);
    inAnHour.setSeconds(0, 0);
    return Math.floor(inAnHour.getTime() / 1000);
  }
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

/** `YYYY-MM-DDTHH:mm` in local time: the value of a datetime-local input. */
export function toLocalInputValue(unixSeconds: number): string {
  const d = new Date(unixSeconds * 1000);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

/** A datetime-local value as Unix seconds (local time); null when it is not a time. */
export function fromLocalInputValue(value: string): number | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/.exec(value);
  if (!match) return null;
  const [, y, mo, d, h, mi] = match.map(Number) as [number, number, number, number, number, number];
  const date = new Date(y, mo - 1, d, h, mi);
  return Number.isNaN(date.getTime()) ? null : Math.floor(date.getTime() / 1000);
}
