import { parseAppContextMessage, type AppContextInput } from '@bevatel/protocol';
import { Ajv2020 } from 'ajv/dist/2020';
import { describe, expect, it } from 'vitest';
import schema from '@bevatel/protocol/app-context.schema.json';
import { sampleAgent, sampleContact, sampleConversation, sampleMessage } from './fixtures';
import { appContextPayload, withoutPrivateNotes } from './payload';

const validate = new Ajv2020({ allErrors: true, strict: false }).compile(schema);

function input(overrides: Partial<AppContextInput> = {}): AppContextInput {
  const agent = sampleAgent();
  return {
    conversation: sampleConversation(),
    messages: [sampleMessage(3), sampleMessage(1), sampleMessage(2, { message_type: 1 })],
    allMessagesLoaded: true,
    contact: sampleContact(),
    currentAgent: { id: agent.id, name: agent.name, email: agent.email },
    locale: 'en',
    theme: 'light',
    account: { id: 1, name: 'Acme' },
    ...overrides,
  };
}

describe('appContextPayload', () => {
  it('is a JSON string that matches the documented schema', () => {
    const payload = appContextPayload(input());
    expect(typeof payload).toBe('string');
    const parsed: unknown = JSON.parse(payload);
    expect(validate(parsed), JSON.stringify(validate.errors, null, 2)).toBe(true);
    expect(parseAppContextMessage(payload)).not.toBeNull();
  });

  it('matches the schema with an unassigned conversation, empty strings and nulls', () => {
    const conversation = sampleConversation();
    conversation.meta.assignee = null;
    const payload = appContextPayload(
      input({
        conversation,
        contact: sampleContact({ email: null, name: '', phone_number: null }),
        allMessagesLoaded: false,
      }),
    );
    expect(validate(JSON.parse(payload)), JSON.stringify(validate.errors, null, 2)).toBe(true);
  });

  it('puts the messages oldest first and the loading state on the conversation', () => {
    const { data } = JSON.parse(appContextPayload(input({ allMessagesLoaded: false })));
    expect(data.conversation.messages.map((m: { id: number }) => m.id)).toEqual([1, 2, 3]);
    expect(data.conversation.allMessagesLoaded).toBe(false);
    expect(data.conversation.dataFetched).toBe(true);
  });

  it('carries the additive fields and the token only when there is one', () => {
    const without = JSON.parse(appContextPayload(input({ locale: 'ar', theme: 'dark' })));
    expect(without.event).toBe('appContext');
    expect(without.data).toMatchObject({
      locale: 'ar',
      dir: 'rtl',
      theme: 'dark',
      account: { id: 1, name: 'Acme' },
      currentAgent: { id: 7, name: 'Omar Agent', email: 'omar@bevatel.test' },
    });
    expect('token' in without.data).toBe(false);
    const withToken = JSON.parse(appContextPayload(input({ token: 'a.b.c' })));
    expect(withToken.data.token).toBe('a.b.c');
  });

  it('fails the schema when a documented field is missing (the check has teeth)', () => {
    const parsed = JSON.parse(appContextPayload(input()));
    delete parsed.data.conversation.can_reply;
    delete parsed.data.contact.email;
    parsed.data.conversation.messages[0].message_type = 'incoming';
    expect(validate(parsed)).toBe(false);
    const paths = (validate.errors ?? []).map((e) => `${e.instancePath} ${e.message}`);
    expect(paths.join('\n')).toMatch(/can_reply/);
    expect(paths.join('\n')).toMatch(/email/);
    expect(paths.join('\n')).toMatch(/message_type/);
  });
});

describe('withoutPrivateNotes (apps without notes:read)', () => {
  it('drops private notes from the messages, the conversation and its last message', () => {
    const note = sampleMessage(4, { message_type: 1, private: true, content: 'VIP: refund ok' });
    const conversation = {
      ...sampleConversation(),
      messages: [note],
      last_non_activity_message: note,
    };
    const payload = appContextPayload(
      withoutPrivateNotes(input({ conversation, messages: [sampleMessage(1), note] })),
    );
    expect(payload).not.toContain('VIP: refund ok');
    const parsed: unknown = JSON.parse(payload);
    expect(validate(parsed), JSON.stringify(validate.errors, null, 2)).toBe(true);
    const withNotes = appContextPayload(
      input({ conversation, messages: [sampleMessage(1), note] }),
    );
    expect(withNotes).toContain('VIP: refund ok');
  });
});
