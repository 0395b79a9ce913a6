import type { AppContextInput } from '@bevatel/protocol';
import { describe, expect, it } from 'vitest';
import { sampleAgent, sampleContact, sampleConversation, sampleMessage } from './fixtures';
import { describeChange } from './change';

function input(): AppContextInput {
  const agent = sampleAgent();
  return {
    conversation: sampleConversation(),
    messages: [sampleMessage(1), sampleMessage(2)],
    allMessagesLoaded: true,
    contact: sampleContact(),
    currentAgent: { id: agent.id, name: agent.name, email: agent.email },
    locale: 'en',
    theme: 'light',
    account: { id: 1, name: 'Acme' },
  };
}

describe('describeChange', () => {
  it('is null when nothing changed', () => {
    const a = input();
    expect(describeChange(a, { ...a })).toBeNull();
  });

  it('an incoming message with the conversation update it brings: one message.created', () => {
    const a = input();
    const b = {
      ...a,
      messages: [...a.messages, sampleMessage(3)],
      conversation: { ...a.conversation, unread_count: 0 },
    };
    const change = describeChange(a, b)!;
    expect(change.reason).toBe('message.created');
    expect(change.events.map((e) => e.name)).toEqual(['message.created', 'conversation.updated']);
    expect(change.events[0]).toMatchObject({ payload: { message: { id: 3 } } });
  });

  it('a status change and its activity line: conversation.updated', () => {
    const a = input();
    const b = {
      ...a,
      messages: [...a.messages, sampleMessage(3, { message_type: 2 })],
      conversation: { ...a.conversation, status: 'resolved' as const },
    };
    expect(describeChange(a, b)?.reason).toBe('conversation.updated');
  });

  it('names contact, locale, theme and token changes, most important first', () => {
    const a = input();
    expect(describeChange(a, { ...a, contact: sampleContact({ name: 'X' }) })?.reason).toBe(
      'contact.updated',
    );
    const ar = describeChange(a, { ...a, locale: 'ar' })!;
    expect(ar.reason).toBe('locale');
    expect(ar.events).toEqual([{ name: 'locale.changed', payload: { locale: 'ar', dir: 'rtl' } }]);
    expect(describeChange(a, { ...a, theme: 'dark' })).toEqual({
      reason: 'theme',
      events: [{ name: 'theme.changed', payload: { theme: 'dark' } }],
    });
    expect(describeChange(a, { ...a, token: 'a.b.c' })).toEqual({
      reason: 'token.refreshed',
      events: [],
    });
    expect(
      describeChange(a, { ...a, theme: 'dark', contact: sampleContact({ name: 'Y' }) })?.reason,
    ).toBe('contact.updated');
  });

  it('older messages loaded: the conversation as the app sees it changed, no message.created', () => {
    const a = input();
    const b = { ...a, messages: [sampleMessage(0, { created_at: 1 }), ...a.messages] };
    expect(describeChange(a, b)).toEqual({ reason: 'conversation.updated', events: [] });
    const older = describeChange(
      { ...a, messages: [...a.messages] },
      { ...a, messages: [...a.messages] },
    );
    expect(older?.reason).toBe('conversation.updated');
    expect(older?.events).toEqual([]);
  });
});
