import { APP_URL_PROBLEM_MESSAGES, DASHBOARD_APP_PERMISSIONS } from '@bevatel/protocol';
import { describe, expect, it } from 'vitest';
import { flattenCatalog, placeholdersOf } from '../../test/catalogs';
import { ar, en } from './locales';

describe('dashboard apps settings catalogs', () => {
  const english = flattenCatalog(en);
  const arabic = flattenCatalog(ar);

  it('have the same keys, none empty, with the same placeholders', () => {
    expect(Object.keys(arabic).sort()).toEqual(Object.keys(english).sort());
    for (const [key, text] of Object.entries(english)) {
      expect(text.trim(), key).not.toBe('');
      expect(arabic[key]?.trim(), key).not.toBe('');
      expect(placeholdersOf(arabic[key] ?? ''), key).toEqual(placeholdersOf(text));
    }
  });

  it('name every URL problem and every iframe permission', () => {
    for (const problem of Object.keys(APP_URL_PROBLEM_MESSAGES)) {
      expect(english[`url.${problem}`], problem).toBeTruthy();
      expect(arabic[`url.${problem}`], problem).toBeTruthy();
    }
    for (const permission of DASHBOARD_APP_PERMISSIONS) {
      expect(english[`permission.${permission}`], permission).toBeTruthy();
      expect(arabic[`permission.${permission}`], permission).toBeTruthy();
    }
  });

  it('Arabic is Arabic (apart from URLs and code)', () => {
    for (const [key, text] of Object.entries(arabic)) {
      if (key === 'form.endpointPlaceholder' || key === 'table.moreFrames') continue;
      expect(text, key).toMatch(/[\u0600-\u06ff]/);
    }
  });
});
