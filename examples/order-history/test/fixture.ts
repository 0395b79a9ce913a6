/**
 * A complete appContext as the dashboard posts it (every field of the product document), typed
 * by the SDK so that a change of the payload breaks this file before it breaks the app.
 */
import type { AppContextData, Contact, Message, MessageSender } from '@bevatel/dashboard-app-sdk';

const NOW = 1_760_000_000;

export function sampleContact(overrides: Partial<Contact> = {}): Contact {
  return {
    id: 42,
    name: 'Layla Haddad',
    email: 'layla@example.com',
    phone_number: '+966 50 123 4567',
    identifier: 'cust-42',
    thumbnail: null,
    availability_status: 'online',
    additional_attributes: {
      description: 'Loyal customer since 2019',
      company_name: 'Haddad Trading',
      social_profiles: { github: 'layla', twitter: '@layla_h', facebook: null, linkedin: null },
    },
    custom_attributes: { plan: 'gold', lifetime_orders: 17 },
    last_activity_at: NOW - 60,
    created_at: NOW - 86_400 * 900,
    ...overrides,
  };
}

function senderOf(contact: Contact): MessageSender {
  return {
    id: contact.id,
    name: contact.name,
    email: contact.email,
    phone_number: contact.phone_number,
    identifier: contact.identifier,
    thumbnail: contact.thumbnail,
    additional_attributes: contact.additional_attributes,
    custom_attributes: contact.custom_attributes,
    type: 'contact',
  };
}

const AGENT_SENDER: MessageSender = {
  id: 7,
  name: 'Omar Agent',
  available_name: 'Omar',
  email: 'omar@bevatel.test',
  phone_number: null,
  identifier: null,
  thumbnail: null,
  additional_attributes: {
    description: null,
    company_name: null,
    social_profiles: { github: null, twitter: null, facebook: null, linkedin: null },
  },
  custom_attributes: {},
  type: 'user',
};

export interface MessageSpec {
  content: string;
  type: 'incoming' | 'outgoing' | 'note' | 'activity';
}

export function sampleMessages(contact: Contact, specs: MessageSpec[]): Message[] {
  return specs.map((spec, index) => {
    const fromContact = spec.type === 'incoming';
    const activity = spec.type === 'activity';
    return {
      id: 1000 + index,
      content: spec.content,
      inbox_id: 3,
      conversation_id: 17,
      account_id: 1,
      message_type: fromContact ? 0 : activity ? 2 : 1,
      content_type: 'text',
      content_attributes: {},
      created_at: NOW - 600 + index * 30,
      private: spec.type === 'note',
      status: 'sent',
      source_id: null,
      sender_type: activity ? null : fromContact ? 'Contact' : 'User',
      sender_id: activity ? null : fromContact ? contact.id : AGENT_SENDER.id,
      sender: activity ? null : fromContact ? senderOf(contact) : AGENT_SENDER,
    };
  });
}

export const DEFAULT_MESSAGES: MessageSpec[] = [
  { content: 'First message, too old to show', type: 'incoming' },
  { content: 'Hello, my order has not arrived', type: 'incoming' },
  { content: 'Conversation was assigned to Omar', type: 'activity' },
  { content: 'Sorry to hear that! Let me check.', type: 'outgoing' },
  { content: 'Courier says Thursday', type: 'note' },
  { content: 'It is on its way, arriving Thursday.', type: 'outgoing' },
  { content: 'Thank you!', type: 'incoming' },
];

export interface SampleOptions {
  contact?: Partial<Contact>;
  messages?: MessageSpec[];
  locale?: 'en' | 'ar';
  theme?: 'light' | 'dark';
  labels?: string[];
  token?: string;
}

export function sampleContext(options: SampleOptions = {}): AppContextData {
  const contact = sampleContact(options.contact);
  const messages = sampleMessages(contact, options.messages ?? DEFAULT_MESSAGES);
  const locale = options.locale ?? 'en';
  const data: AppContextData = {
    conversation: {
      id: 17,
      uuid: '3f1c9a52-3a6e-4c55-9a39-5d3b8f0c2a11',
      account_id: 1,
      inbox_id: 3,
      meta: {
        sender: contact,
        channel: 'Channel::WebWidget',
        assignee: {
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
        },
        team: { id: 2, name: 'Support' },
        hmac_verified: false,
      },
      messages,
      additional_attributes: {
        browser: {
          device_name: 'Unknown',
          browser_name: 'Chrome',
          platform_name: 'Linux',
          browser_version: '140',
          platform_version: '6',
        },
        referer: 'https://shop.example.com/orders',
        initiated_at: { timestamp: 'Mon Oct 06 2025 10:00:00 GMT+0300' },
      },
      custom_attributes: {},
      labels: options.labels ?? ['vip', 'delivery'],
      status: 'open',
      priority: 'high',
      muted: false,
      can_reply: true,
      snoozed_until: null,
      agent_last_seen_at: NOW - 30,
      assignee_last_seen_at: NOW - 30,
      contact_last_seen_at: NOW - 90,
      timestamp: NOW - 420,
      unread_count: 0,
      created_at: NOW - 600,
      last_activity_at: NOW - 420,
      waiting_since: null,
      first_reply_created_at: NOW - 540,
      last_non_activity_message: messages.at(-1) ?? null,
      allMessagesLoaded: true,
      dataFetched: true,
    },
    contact,
    currentAgent: { id: 7, name: 'Omar Agent', email: 'omar@bevatel.test' },
    locale,
    dir: locale === 'ar' ? 'rtl' : 'ltr',
    theme: options.theme ?? 'light',
    account: { id: 1, name: 'Acme KSA' },
  };
  if (options.token) data.token = options.token;
  return data;
}

/** What the dashboard posts: the event as a JSON string. */
export function appContextMessage(data: AppContextData): string {
  return JSON.stringify({ event: 'appContext', data });
}
