import { describe, expect, it } from 'vitest';
import { directionOf, resolveLocale, resolveTheme } from './resolve';

describe('preferences', () => {
  it('prefers the saved locale, then the stored one, then the browser languages', () => {
    expect(resolveLocale('ar', 'en', ['en-US'])).toBe('ar');
    expect(resolveLocale(undefined, 'ar', ['en-US'])).toBe('ar');
    expect(resolveLocale(null, null, ['fr-FR', 'ar-SA'])).toBe('ar');
    expect(resolveLocale('de', 'xx', ['fr'])).toBe('en');
  });

  it('prefers the saved theme, then the stored one, then the system setting', () => {
    expect(resolveTheme('dark', 'light', false)).toBe('dark');
    expect(resolveTheme(undefined, 'light', true)).toBe('light');
    expect(resolveTheme(undefined, null, true)).toBe('dark');
    expect(resolveTheme('blue', null, false)).toBe('light');
  });

  it('writes Arabic right to left', () => {
    expect(directionOf('ar')).toBe('rtl');
    expect(directionOf('en')).toBe('ltr');
  });
});
