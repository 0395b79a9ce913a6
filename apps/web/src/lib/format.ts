import type { Locale } from '@bevatel/protocol';

/** Intl formatters per locale, built once: dates and numbers follow the agent's language. */
const cache = new Map<string, Intl.DateTimeFormat | Intl.RelativeTimeFormat | Intl.NumberFormat>();

function memo<T extends Intl.DateTimeFormat | Intl.RelativeTimeFormat | Intl.NumberFormat>(
  key: string,
  make: () => T,
): T {
  let value = cache.get(key);
  if (!value) {
    value = make();
    cache.set(key, value);
  }
  return value as T;
}

export function formatNumber(locale: Locale, value: number): string {
  return memo(`n:${locale}`, () => new Intl.NumberFormat(locale)).format(value);
}

export function formatTime(locale: Locale, unixSeconds: number): string {
  return memo(
    `t:${locale}`,
    () => new Intl.DateTimeFormat(locale, { hour: 'numeric', minute: '2-digit' }),
  ).format(unixSeconds * 1000);
}

export function formatDateTime(locale: Locale, unixSeconds: number): string {
  return memo(
    `dt:${locale}`,
    () => new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' }),
  ).format(unixSeconds * 1000);
}

export function formatDay(locale: Locale, unixSeconds: number): string {
  return memo(
    `d:${locale}`,
    () =>
      new Intl.DateTimeFormat(locale, {
        weekday: 'long',
        year: 'numeric',
        month: 'long',
        day: 'numeric',
      }),
  ).format(unixSeconds * 1000);
}

const UNITS: [Intl.RelativeTimeFormatUnit, number][] = [
  ['year', 365 * 24 * 3600],
  ['month', 30 * 24 * 3600],
  ['week', 7 * 24 * 3600],
  ['day', 24 * 3600],
  ['hour', 3600],
  ['minute', 60],
];

/** "5 min ago" / "منذ ٥ دقائق"; under a minute is "now". */
export function formatRelative(locale: Locale, unixSeconds: number, nowMs = Date.now()): string {
  const rtf = memo(
    `r:${locale}`,
    () => new Intl.RelativeTimeFormat(locale, { numeric: 'auto', style: 'short' }),
  );
  const diff = unixSeconds - Math.floor(nowMs / 1000);
  const abs = Math.abs(diff);
  for (const [unit, size] of UNITS) {
    if (abs >= size) return rtf.format(Math.round(diff / size), unit);
  }
  return rtf.format(0, 'second');
}

/** Local calendar day key (YYYY-MM-DD) of a Unix-seconds time. */
export function dayKey(unixSeconds: number): string {
  const d = new Date(unixSeconds * 1000);
  const mm = String(d.getMonth() + 1).padStart(2, '0');
  const dd = String(d.getDate()).padStart(2, '0');
  return `${d.getFullYear()}-${mm}-${dd}`;
}

/** "Today", "Yesterday" (in the locale's words, via Intl), else the full date. */
export function formatDayHeading(locale: Locale, unixSeconds: number, nowMs = Date.now()): string {
  const day = dayKey(unixSeconds);
  const today = dayKey(Math.floor(nowMs / 1000));
  const yesterday = dayKey(Math.floor(nowMs / 1000) - 24 * 3600);
  if (day !== today && day !== yesterday) return formatDay(locale, unixSeconds);
  const text = memo(
    `rd:${locale}`,
    () => new Intl.RelativeTimeFormat(locale, { numeric: 'auto' }),
  ).format(day === today ? 0 : -1, 'day');
  return text.charAt(0).toLocaleUpperCase(locale) + text.slice(1);
}
