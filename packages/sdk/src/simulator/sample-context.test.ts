import { describe, expect, it } from 'vitest';
import { validateAppContext } from '../../test/helpers/schema';
import { createSampleContext, SAMPLE_CONVERSATION_KEYS } from './sample-context';

describe('createSampleContext', () => {
  it.each(SAMPLE_CONVERSATION_KEYS)('%s satisfies the appContext JSON Schema', (conversation) => {
    for (const locale of ['en', 'ar'] as const) {
      const data = createSampleContext({ conversation, locale, theme: 'dark' });
      expect(validateAppContext({ event: 'appContext', data })).toEqual([]);
      expect(JSON.parse(JSON.stringify(data))).toEqual(data);
    }
  });

  it('the schema rejects what it should (the check is not vacuous)', () => {
    const data = createSampleContext();
    const { email: _email, ...noEmail } = data.contact;
    expect(
      validateAppContext({ event: 'appContext', data: { ...data, contact: noEmail } }),
    ).not.toEqual([]);
    expect(
      validateAppContext({
        event: 'appContext',
        data: { ...data, conversation: { ...data.conversation, id: '1042' } },
      }),
    ).not.toEqual([]);
  });

  it('carries the additive fields and the Chatwoot extras', () => {
    const data = createSampleContext({
      conversation: 'shipping-ar',
      theme: 'dark',
      now: 1_767_225_600,
    });
    expect(data).toMatchObject({ locale: 'ar', dir: 'rtl', theme: 'dark', account: { id: 1 } });
    expect(data.contact.name).toBe('أحمد الشمري');
    const conversation = data.conversation;
    for (const field of [
      'uuid',
      'priority',
      'created_at',
      'last_activity_at',
      'waiting_since',
      'first_reply_created_at',
    ] as const) {
      expect(conversation).toHaveProperty(field);
    }
    expect(conversation.meta).toHaveProperty('team');
    expect(conversation.messages.map((m) => m.message_type)).toEqual([0, 1, 1, 2, 0]);
    expect(conversation.messages.every((m) => 'status' in m && 'sender_type' in m)).toBe(true);
    expect(conversation.messages[0]?.created_at).toBeLessThan(
      conversation.messages[4]?.created_at ?? 0,
    );
    expect(createSampleContext({ locale: 'en' }).dir).toBe('ltr');
  });
});
