import { LOCALES, THEMES, type Locale, type Theme } from '@bevatel/protocol';

export const LOCALE_STORAGE_KEY = 'bevatel.locale';
export const THEME_STORAGE_KEY = 'bevatel.theme';

export function isLocale(value: unknown): value is Locale {
  return typeof value === 'string' && (LOCALES as readonly string[]).includes(value);
}

export function isTheme(value: unknown): value is Theme {
  return typeof value === 'string' && (THEMES as readonly string[]).includes(value);
}

/** The agent's saved choice wins, then this browser's last choice, then its languages. */
export function resolveLocale(
  saved: unknown,
  stored: unknown,
  browserLanguages: readonly string[],
): Locale {
  if (isLocale(saved)) return saved;
  if (isLocale(stored)) return stored;
  for (const language of browserLanguages) {
    const base = language.toLowerCase().split('-')[0];
    if (isLocale(base)) return base;
  }
  return 'en';
}

export function resolveTheme(saved: unknown, stored: unknown, prefersDark: boolean): Theme {
  if (isTheme(saved)) return saved;
  if (isTheme(stored)) return stored;
  return prefersDark ? 'dark' : 'light';
}

export function directionOf(locale: Locale): 'rtl' | 'ltr' {
  return locale === 'ar' ? 'rtl' : 'ltr';
}
