import {
  AVAILABILITY_STATUSES,
  CONVERSATION_PRIORITIES,
  CONVERSATION_STATUSES,
  USER_ROLES,
  ASSIGNEE_TYPES,
  CHANNEL_TYPES,
} from '@bevatel/protocol';
import { describe, expect, it } from 'vitest';
import { ar } from './ar';
import { en } from './en';

type Tree = { [key: string]: string | Tree };

function flatten(tree: Tree, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  for (const [key, value] of Object.entries(tree)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (typeof value === 'string') out.set(path, value);
    else for (const [k, v] of flatten(value, path)) out.set(k, v);
  }
  return out;
}

const english = flatten(en);
const arabic = flatten(ar as Tree);
const variables = (text: string) =>
  [...new Set([...text.matchAll(/\{\{(\w+)(?:, *\w+)?\}\}/g)].map((m) => m[1]))].sort();

// i18next plural keys: `key_one`, `key_other`… each language has the forms its grammar has.
const PLURAL = /_(zero|one|two|few|many|other)$/;
const baseKey = (key: string) => key.replace(PLURAL, '');
const baseKeys = (catalog: Map<string, string>) => [...new Set([...catalog.keys()].map(baseKey))];
function pluralForms(catalog: Map<string, string>, base: string): string[] {
  return [...catalog.keys()]
    .filter((key) => PLURAL.test(key) && baseKey(key) === base)
    .map((key) => PLURAL.exec(key)![1]!)
    .sort();
}

// The shell's own sources (the Dashboard Apps, webhooks and agent-tools folders keep their own
// namespaces and tests).
const sources = import.meta.glob(
  [
    '../**/*.{ts,tsx}',
    '!../**/*.test.{ts,tsx}',
    '!../dashboard-apps/**',
    '!../modules/dashboard-apps-settings/**',
    '!../modules/webhooks-settings/**',
    '!../modules/agent-tools/**',
    '!../modules/canned-responses/**',
    '!../modules/custom-attributes/**',
    '!../modules/shortcuts/**',
    '!../modules/notifications/**',
  ],
  { query: '?raw', import: 'default', eager: true },
) as Record<string, string>;

describe('message catalogs', () => {
  it('have the same keys in English and Arabic (plural forms aside)', () => {
    expect(baseKeys(arabic).sort()).toEqual(baseKeys(english).sort());
  });

  it('give every counted string all the plural forms of each language', () => {
    const counted = baseKeys(english).filter((base) => pluralForms(english, base).length > 0);
    expect(counted.length).toBeGreaterThan(0);
    for (const [lang, catalog] of [
      ['en', english],
      ['ar', arabic],
    ] as const) {
      const forms = [...new Intl.PluralRules(lang).resolvedOptions().pluralCategories].sort();
      for (const base of counted)
        expect(pluralForms(catalog, base), `${lang} ${base}`).toEqual(forms);
    }
    expect(arabic.get('conversations.unreadCount_one')).toBe('رسالة واحدة غير مقروءة');
  });

  it('have no empty values', () => {
    for (const [key, value] of [...english, ...arabic]) {
      expect(value.trim(), key).not.toBe('');
    }
  });

  it('use the same interpolation variables in both languages', () => {
    for (const [key, value] of english) {
      if (PLURAL.test(key)) continue; // "one" may say the number in words
      expect(variables(arabic.get(key) ?? ''), key).toEqual(variables(value));
    }
  });

  it('are really translated: Arabic strings are written in Arabic', () => {
    const untranslated = [...arabic].filter(
      ([key, value]) =>
        !/[\u0600-\u06FF]/.test(value) &&
        // Nothing to translate in a bare "{{name}}:".
        /\p{L}/u.test(value.replace(/\{\{\w+\}\}/g, '')) &&
        !key.startsWith('languages.') &&
        !['contacts.social.github', 'app.name'].includes(key),
    );
    expect(untranslated).toEqual([]);
  });

  it('hold every key the code asks for', () => {
    expect(Object.keys(sources).length).toBeGreaterThan(20);
    const used = new Set<string>();
    for (const text of Object.values(sources)) {
      for (const match of text.matchAll(/\bt\(\s*'([\w.]+)'/g)) used.add(match[1]!);
      for (const match of text.matchAll(/'((?:errors|settings)\.[\w.]+)'/g)) used.add(match[1]!);
    }
    const dynamic = [
      ...[...CONVERSATION_STATUSES, 'all'].map((s) => `status.${s}`),
      ...CONVERSATION_PRIORITIES.map((p) => `priority.${p}`),
      ...USER_ROLES.map((r) => `roles.${r}`),
      ...AVAILABILITY_STATUSES.map((a) => `availability.${a}`),
      ...ASSIGNEE_TYPES.map((a) => `conversations.tabs.${a}`),
      ...CHANNEL_TYPES.map((c) => `channels.${c.replace('Channel::', '')}`),
      ...['github', 'twitter', 'facebook', 'linkedin'].map((n) => `contacts.social.${n}`),
    ];
    const missing = [...used, ...dynamic].filter(
      (key) => !english.has(key) && !english.has(`${key}_other`),
    );
    expect(missing).toEqual([]);
  });
});
