/**
 * A complete appContext as the dashboard posts it: the SDK's sample context (every field of the
 * product document), recast as the customer and the messages these tests look for.
 */
import type { AppContextData, Contact, Message, MessageSender } from '@bevatel/dashboard-app-sdk';
import { createSampleContext } from '@bevatel/dashboard-app-sdk/simulator';

const NOW = 1_760_000_000;
const OMAR = { name: 'Omar Agent', available_name: 'Omar' };

export interface MessageSpec {
  content: string;
  type: 'incoming' | 'outgoing' | 'note' | 'activity';
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

function template(messages: Message[], messageType: number): Message {
  const found = messages.find((message) => message.message_type === messageType);
  if (!found) throw new Error(`the sample conversation has no message of type ${messageType}`);
  return found;
}

export function sampleContext(options: SampleOptions = {}): AppContextData {
  const base = createSampleContext({
    conversation: 'billing-en',
    locale: options.locale ?? 'en',
    theme: options.theme ?? 'light',
    now: NOW,
  });
  const contact: Contact = {
    ...base.contact,
    id: 42,
    name: 'Layla Haddad',
    email: 'layla@example.com',
    phone_number: '+966 50 123 4567',
    identifier: 'cust-42',
    additional_attributes: {
      description: 'Loyal customer since 2019',
      company_name: 'Haddad Trading',
      social_profiles: { github: 'layla', twitter: '@layla_h', facebook: null, linkedin: null },
    },
    custom_attributes: { plan: 'gold', lifetime_orders: 17 },
    ...options.contact,
  };
  const { conversation } = base;
  const incoming = template(conversation.messages, 0);
  const outgoing = template(conversation.messages, 1);
  const activity = template(conversation.messages, 2);
  const agent = outgoing.sender && { ...outgoing.sender, ...OMAR };
  const messages = (options.messages ?? DEFAULT_MESSAGES).map((spec, index): Message => {
    const shared = {
      id: 1000 + index,
      content: spec.content,
      conversation_id: 17,
      created_at: NOW - 600 + index * 30,
      private: spec.type === 'note',
    };
    if (spec.type === 'activity') return { ...activity, ...shared };
    if (spec.type !== 'incoming') return { ...outgoing, ...shared, sender: agent };
    const sender: MessageSender = {
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
    return { ...incoming, ...shared, sender_id: contact.id, sender };
  });
  const assignee = conversation.meta.assignee && { ...conversation.meta.assignee, ...OMAR };
  const data: AppContextData = {
    ...base,
    conversation: {
      ...conversation,
      id: 17,
      meta: { ...conversation.meta, sender: contact, assignee },
      messages,
      labels: options.labels ?? ['vip', 'delivery'],
      last_non_activity_message: messages.at(-1) ?? null,
    },
    contact,
  };
  if (options.token) data.token = options.token;
  return data;
}

/** What the dashboard posts: the event as a JSON string. */
export function appContextMessage(data: AppContextData): string {
  return JSON.stringify({ event: 'appContext', data });
}
