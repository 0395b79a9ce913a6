/** Entities as the REST API presents them, for unit tests of the payload. */
import type { Agent, Contact, Conversation, Message, MessageSender } from '@bevatel/protocol';

const NOW = 1_760_000_000;

export function sampleContact(overrides: Partial<Contact> = {}): Contact {
  return {
    id: 42,
    name: 'Layla Haddad',
    email: 'layla@example.com',
    phone_number: '+966 50 123 4567',
    identifier: null,
    thumbnail: null,
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
  };
}

export function sampleAgent(overrides: Partial<Agent> = {}): Agent {
  return {
    id: 7,
    account_id: 1,
    availability_status: 'online',
    auto_offline: true,
    confirmed: true,
    email: 'omar@bevatel.test',
    available_name: 'Omar',
    name: 'Omar Agent',
    role: 'agent',
    thumbnail: '',
    ...overrides,
  };
}

function contactSender(contact: Contact): MessageSender {
  const { id, name, email, phone_number, identifier, thumbnail } = contact;
  const { additional_attributes, custom_attributes } = contact;
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
  const contact = sampleContact();
  return {
    id,
    content: `message ${id}`,
    inbox_id: 3,
    conversation_id: 17,
    account_id: 1,
    message_type: 0,
    content_type: 'text',
    content_attributes: {},
    created_at: NOW - 1000 + id,
    private: false,
    status: 'sent',
    source_id: null,
    sender_type: 'Contact',
    sender_id: contact.id,
    sender: contactSender(contact),
    ...overrides,
  };
}

export function sampleConversation(overrides: Partial<Conversation> = {}): Conversation {
  const contact = sampleContact();
  return {
    id: 17,
    uuid: '0b6f7a8e-6f1c-4c55-9a54-1d2a0f6b9c11',
    account_id: 1,
    inbox_id: 3,
    meta: {
      sender: contact,
      channel: 'Channel::Api',
      assignee: sampleAgent(),
      team: null,
      hmac_verified: false,
    },
    messages: [],
    additional_attributes: {
      browser: {
        device_name: null,
        browser_name: null,
        platform_name: null,
        browser_version: null,
        platform_version: null,
      },
      referer: null,
      initiated_at: { timestamp: null },
    },
    custom_attributes: {},
    labels: ['vip'],
    status: 'open',
    priority: null,
    muted: false,
    can_reply: true,
    snoozed_until: null,
    agent_last_seen_at: NOW - 10,
    assignee_last_seen_at: NOW - 10,
    contact_last_seen_at: 0,
    timestamp: NOW,
    unread_count: 0,
    created_at: NOW - 5000,
    last_activity_at: NOW,
    waiting_since: null,
    first_reply_created_at: null,
    last_non_activity_message: null,
    ...overrides,
  };
}
