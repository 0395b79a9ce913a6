import type { Locale, Theme } from '@bevatel/protocol';
import { directionOf, LOCALE_STORAGE_KEY, THEME_STORAGE_KEY } from './resolve';

export function readStored(key: string): string | null {
  try {
    return localStorage.getItem(key);
  } catch {
    return null;
  }
}

export function writeStored(key: string, value: string): void {
  try {
    localStorage.setItem(key, value);
  } catch {
    // Private mode or storage full: the choice still holds for this page.
  }
}

export function prefersDark(): boolean {
  return typeof matchMedia === 'function' && matchMedia('(prefers-color-scheme: dark)').matches;
}

/** `lang`, `dir` and the theme live on <html> so CSS and assistive tech see them everywhere. */
export function applyToDocument(locale: Locale, theme: Theme): void {
  const root = document.documentElement;
  root.lang = locale;
  root.dir = directionOf(locale);
  root.dataset.theme = theme;
  root.style.colorScheme = theme;
  writeStored(LOCALE_STORAGE_KEY, locale);
  writeStored(THEME_STORAGE_KEY, theme);
}
