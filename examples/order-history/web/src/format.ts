import type { Locale } from './i18n';

// Gregorian calendar explicitly: ar-SA would otherwise format dates in the Hijri calendar.
const TAGS: Record<Locale, string> = { en: 'en-SA', ar: 'ar-SA-u-ca-gregory' };

export function formatMoney(halalas: number, locale: Locale): string {
  return new Intl.NumberFormat(TAGS[locale], { style: 'currency', currency: 'SAR' }).format(
    halalas / 100,
  );
}

export function formatDate(unixSeconds: number, locale: Locale): string {
  return new Intl.DateTimeFormat(TAGS[locale], { dateStyle: 'medium' }).format(unixSeconds * 1000);
}

export function formatCount(value: number, locale: Locale): string {
  return new Intl.NumberFormat(TAGS[locale]).format(value);
}
