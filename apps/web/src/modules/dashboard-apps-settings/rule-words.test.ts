import { describe, expect, it } from 'vitest';
import i18next from 'i18next';
import { registerDashboardAppsStrings } from './i18n';
import { NAMESPACE } from './locales';
import { ruleInWords } from './rule-words';
import { moved, movedBy } from './order';

const names = {
  inbox: (id: number) => ({ 1: 'Support', 2: 'Sales' })[id],
  team: (id: number) => ({ 5: 'Billing' })[id],
};

async function tOf(lng: 'en' | 'ar') {
  const i18n = i18next.createInstance();
  await i18n.init({ lng, resources: {}, interpolation: { escapeValue: false } });
  registerDashboardAppsStrings(i18n);
  return i18n.getFixedT(lng, NAMESPACE);
}

describe('a visibility rule in words', () => {
  it('says who, in English', async () => {
    const t = await tOf('en');
    const rule = (r: Partial<Parameters<typeof ruleInWords>[0]>) =>
      ruleInWords({ roles: [], inbox_ids: [], team_ids: [], ...r }, names, t, 'en');
    expect(rule({})).toBe('Everyone');
    expect(rule({ roles: ['administrator'], inbox_ids: [1] })).toBe(
      'Administrators only · Inbox Support',
    );
    expect(rule({ roles: ['administrator', 'agent'], inbox_ids: [1, 2], team_ids: [5, 9] })).toBe(
      'Inboxes Support or Sales · Teams Billing or #9',
    );
  });

  it('says it in Arabic', async () => {
    const t = await tOf('ar');
    expect(ruleInWords({ roles: ['agent'], inbox_ids: [1], team_ids: [] }, names, t, 'ar')).toBe(
      'الموظفون فقط · صندوق Support',
    );
  });
});

describe('moving an app', () => {
  it('moves one id and leaves the ends alone', () => {
    expect(moved([1, 2, 3, 4], 0, 2)).toEqual([2, 3, 1, 4]);
    expect(movedBy([1, 2, 3], 3, 1)).toEqual([1, 2, 3]);
    expect(movedBy([1, 2, 3], 1, -1)).toEqual([1, 2, 3]);
    expect(movedBy([1, 2, 3], 3, -1)).toEqual([1, 3, 2]);
  });
});
