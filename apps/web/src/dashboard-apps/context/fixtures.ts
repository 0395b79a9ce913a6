/**
 * The payload tests' world: a known customer, assignee and conversation, built on the web app's
 * shared test factories with the values those tests assert on.
 */
import type { Agent, Contact, Conversation, Message, MessageSender } from '@bevatel/protocol';
import { agent, contact, conversation, message } from '../../test/factories';

const NOW = 1_760_000_000;

export function sampleContact(overrides: Partial<Contact> = {}): Contact {
  return contact({
    id: 42,
    name: 'Layla Haddad',
    email: 'layla@example.com',
    phone_number: '+966 50 123 4567',
    availability_status: 'online',
    additional_attributes: {
      description: 'Loyal customer',
      company_name: 'Haddad Trading',
      social_profiles: { github: null, twitter: '@layla', facebook: null, linkedin: null },
    },
    custom_attributes: { plan: 'gold' },
    last_activity_at: NOW - 60,
    created_at: NOW - 86_400,
    ...overrides,
  });
}

export const sampleAgent = (overrides: Partial<Agent> = {}): Agent => agent(overrides);

function contactSender(from: Contact): MessageSender {
  const { id, name, email, phone_number, identifier, thumbnail } = from;
  const { additional_attributes, custom_attributes } = from;
  return {
    id,
    name,
    email,
    phone_number,
    identifier,
    thumbnail,
    additional_attributes,
    custom_attributes,
    type: 'contact',
  };
}

export function sampleMessage(id: number, overrides: Partial<Message> = {}): Message {
  const sender = sampleContact();
  return message({
    id,
    content: `message ${id}`,
    inbox_id: 3,
    conversation_id: 17,
    created_at: NOW - 1000 + id,
    sender_id: sender.id,
    sender: contactSender(sender),
    ...overrides,
  });
}

export function sampleConversation(overrides: Partial<Conversation> = {}): Conversation {
  const base = conversation();
  return conversation({
    id: 17,
    uuid: '0b6f7a8e-6f1c-4c55-9a54-1d2a0f6b9c11',
    inbox_id: 3,
    meta: { ...base.meta, sender: sampleContact(), assignee: agent() },
    labels: ['vip'],
    agent_last_seen_at: NOW - 10,
    assignee_last_seen_at: NOW - 10,
    timestamp: NOW,
    created_at: NOW - 5000,
    last_activity_at: NOW,
    ...overrides,
  });
}
