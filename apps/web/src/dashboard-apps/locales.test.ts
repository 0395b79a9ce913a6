import { describe, expect, it } from 'vitest';
import { ar, en } from './locales';

describe('host strings', () => {
  it('has every English key in Arabic, with the same placeholders', () => {
    expect(Object.keys(ar).sort()).toEqual(Object.keys(en).sort());
    for (const key of Object.keys(en) as (keyof typeof en)[]) {
      const placeholders = (text: string) => (text.match(/\{\{\w+\}\}/g) ?? []).sort();
      expect(placeholders(ar[key]), key).toEqual(placeholders(en[key]));
      expect(ar[key].trim(), key).not.toBe('');
    }
  });
});
