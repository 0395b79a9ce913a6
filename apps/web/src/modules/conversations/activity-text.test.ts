import i18next from 'i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import { ar } from '../../i18n/ar';
import { en } from '../../i18n/en';
import { activitySentence, sentenceParts } from './activity-text';

const i18n = i18next.createInstance();
const shown = (lng: 'en' | 'ar', message: Parameters<typeof activitySentence>[0]) =>
  sentenceParts(activitySentence(message, i18n.getFixedT(lng)))
    .map((part) => (part.kind === 'value' ? `[${part.value}]` : part.text))
    .join('');

describe('activity lines in the reader’s language', () => {
  beforeAll(async () => {
    await i18n.init({
      resources: { en: { translation: en }, ar: { translation: ar } },
      lng: 'en',
      interpolation: { escapeValue: false },
    });
  });

  const resolved = {
    content: 'Conversation was resolved by Omar Haddad',
    content_attributes: {
      activity: { kind: 'status', status: 'resolved', by: { name: 'Omar Haddad' } },
    },
  };

  it('words a structured activity in Arabic and English, names kept apart', () => {
    expect(shown('ar', resolved)).toBe('حلّ [Omar Haddad] المحادثة');
    expect(shown('en', resolved)).toBe('Conversation was resolved by [Omar Haddad]');
  });

  it('says which app did it for whom', () => {
    const label = {
      content: '',
      content_attributes: {
        activity: {
          kind: 'labels_added',
          labels: ['refund-requested'],
          by: { name: 'Amira Nasser', app: 'Order history' },
        },
      },
    };
    expect(shown('en', label)).toBe(
      '[Order history] added the label [refund-requested] for [Amira Nasser]',
    );
    expect(shown('ar', label)).toBe(
      'أضاف [Order history] الوسم [refund-requested] نيابةً عن [Amira Nasser]',
    );
    const priority = {
      content: '',
      content_attributes: { activity: { kind: 'priority', priority: 'high', by: { name: 'بدر' } } },
    };
    expect(shown('ar', priority)).toBe('جعل [بدر] الأولوية عالية');
  });

  it('shows the stored text of a line without structure', () => {
    expect(shown('ar', { content: 'Imported from the old desk', content_attributes: {} })).toBe(
      'Imported from the old desk',
    );
  });
});
