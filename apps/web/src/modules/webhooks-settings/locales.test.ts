import { WEBHOOK_EVENTS, WEBHOOK_URL_PROBLEM_MESSAGES } from '@bevatel/protocol';
import { describe, expect, it } from 'vitest';
import {
  keysAskedIn,
  flattenCatalog,
  placeholdersOf,
  ARABIC_EXTRA_PLURALS,
  type CatalogTree,
} from '../../test/catalogs';
import { ar, en } from './locales';

describe('webhooks settings catalogs', () => {
  const english = flattenCatalog(en);
  const arabic = flattenCatalog(ar as unknown as CatalogTree);

  it('have the same keys, none empty, with the same placeholders', () => {
    const arabicKeys = Object.keys(arabic).filter((key) => !ARABIC_EXTRA_PLURALS.test(key));
    expect(arabicKeys.sort()).toEqual(Object.keys(english).sort());
    for (const [key, text] of Object.entries(english)) {
      expect(text.trim(), key).not.toBe('');
      // "حدث واحد" needs no number: a singular may drop {{count}}.
      if (!key.endsWith('_one')) {
        expect(placeholdersOf(arabic[key] ?? ''), key).toEqual(placeholdersOf(text));
      }
    }
  });

  it('hold every key the page asks for', () => {
    const asked = keysAskedIn([new URL('.', import.meta.url)], (file) => file.endsWith('.tsx'));
    expect(asked.length).toBeGreaterThan(40);
    for (const key of asked) {
      expect(english[key] ?? english[`${key}_other`], key).toBeTruthy();
    }
  });

  it('name every event and every URL problem', () => {
    for (const event of WEBHOOK_EVENTS) {
      expect(english[`event.${event}`], event).toBeTruthy();
      expect(arabic[`event.${event}`], event).toMatch(/[\u0600-\u06ff]/);
    }
    for (const problem of Object.keys(WEBHOOK_URL_PROBLEM_MESSAGES)) {
      expect(english[`url.${problem}`], problem).toBeTruthy();
      expect(arabic[`url.${problem}`], problem).toMatch(/[\u0600-\u06ff]/);
    }
  });

  it('Arabic is Arabic, with Latin tokens in bidi isolates', () => {
    for (const [key, text] of Object.entries(arabic)) {
      if (key === 'form.urlPlaceholder') continue;
      expect(text, key).toMatch(/[\u0600-\u06ff]/);
      const latin = text.replace(/\u2066[^\u2069]*\u2069/g, '').replace(/{{\s*\w+\s*}}/g, '');
      expect(latin, key).not.toMatch(/[A-Za-z]{2,}/);
    }
  });
});
