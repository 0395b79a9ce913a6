import { NOTIFICATION_TYPES } from '@bevatel/protocol';
import { describe, expect, it } from 'vitest';
import {
  keysAskedIn,
  flattenCatalog,
  placeholdersOf,
  ARABIC_EXTRA_PLURALS,
  type CatalogTree,
} from '../../test/catalogs';
import { ar, en } from './locales';

describe('notifications catalogs', () => {
  const english = flattenCatalog(en);
  const arabic = flattenCatalog(ar as unknown as CatalogTree);

  it('have the same keys, none empty, in Arabic script, with the same placeholders', () => {
    const arabicKeys = Object.keys(arabic).filter((key) => !ARABIC_EXTRA_PLURALS.test(key));
    expect(arabicKeys.sort()).toEqual(Object.keys(english).sort());
    for (const [key, text] of Object.entries(english)) {
      expect(text.trim(), key).not.toBe('');
      expect(arabic[key], key).toMatch(/[\u0600-\u06FF]/);
      if (!key.endsWith('_one')) {
        expect(placeholdersOf(arabic[key] ?? ''), key).toEqual(placeholdersOf(text));
      }
    }
  });

  it('word every notification type and hold every key the code asks for', () => {
    for (const type of NOTIFICATION_TYPES) expect(english[`type.${type}`], type).toBeTruthy();
    const asked = keysAskedIn(
      [new URL('.', import.meta.url)],
      (file) => /\.tsx?$/.test(file) && !file.includes('.test.'),
    );
    expect(asked.length).toBeGreaterThan(15);
    for (const key of asked) {
      expect(english[key] ?? english[`${key}_other`], key).toBeTruthy();
    }
  });
});
