import { ATTRIBUTE_DISPLAY_TYPES, ATTRIBUTE_MODELS } from '@bevatel/protocol';
import { describe, expect, it } from 'vitest';
import {
  keysAskedIn,
  flattenCatalog,
  placeholdersOf,
  ARABIC_EXTRA_PLURALS,
  type CatalogTree,
} from '../../test/catalogs';
import { ar, en } from './locales';

const FOLDERS = ['canned-responses', 'custom-attributes', 'shortcuts', 'agent-tools'];

describe('agent tools catalogs', () => {
  const english = flattenCatalog(en);
  const arabic = flattenCatalog(ar as unknown as CatalogTree);

  it('have the same keys, none empty, with the same placeholders', () => {
    const arabicKeys = Object.keys(arabic).filter((key) => !ARABIC_EXTRA_PLURALS.test(key));
    expect(arabicKeys.sort()).toEqual(Object.keys(english).sort());
    for (const [key, text] of Object.entries(english)) {
      expect(text.trim(), key).not.toBe('');
      if (!/_(one|other)$/.test(key)) {
        expect(placeholdersOf(arabic[key] ?? ''), key).toEqual(placeholdersOf(text));
      }
    }
  });

  it('hold every key the code asks for, and name every type and model', () => {
    const asked = keysAskedIn(
      FOLDERS.map((folder) => new URL(`../${folder}/`, import.meta.url)),
      (file) => /\.tsx?$/.test(file) && !file.includes('.test.'),
    );
    expect(asked.length).toBeGreaterThan(20);
    for (const key of asked) expect(english[key] ?? english[`${key}_other`], key).toBeTruthy();
    for (const type of ATTRIBUTE_DISPLAY_TYPES)
      expect(arabic[`attributes.types.${type}`]).toBeTruthy();
    for (const model of ATTRIBUTE_MODELS) expect(arabic[`attributes.models.${model}`]).toBeTruthy();
  });

  it('Arabic is Arabic, with Latin tokens in bidi isolates', () => {
    for (const [key, text] of Object.entries(arabic)) {
      expect(text, key).toMatch(/[\u0600-\u06ff]/);
      const latin = text.replace(/\u2066[^\u2069]*\u2069/g, '').replace(/{{\s*\w+\s*}}/g, '');
      expect(latin, key).not.toMatch(/[A-Za-z]{2,}/);
    }
  });
});
