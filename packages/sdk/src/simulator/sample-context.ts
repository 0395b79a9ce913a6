/**
 * Realistic sample context for the simulator and the docs: every field of the product
 * document, plus PROTOCOL.md's additive fields, in English and Arabic conversations.
 */
import { buildAppContext } from '@bevatel/protocol';
import type {
  Agent,
  AppContextData,
  ChannelType,
  Contact,
  ContactAdditionalAttributes,
  Conversation,
  CustomAttributeDefinition,
  Locale,
  Message,
  MessageSender,
  Theme,
} from '@bevatel/protocol';

export const SAMPLE_CONVERSATION_KEYS = ['billing-en', 'shipping-ar', 'warranty-mixed'] as const;
export type SampleConversationKey = (typeof SAMPLE_CONVERSATION_KEYS)[number];

export interface SampleContextOptions {
  conversation?: SampleConversationKey;
  locale?: Locale;
  theme?: Theme;
  /** Unix seconds the sample's times are relative to. Default: now. */
  now?: number;
}

const ACCOUNT = { id: 1, name: 'Bevatel Demo' } as const;

/** The sample account's custom attribute definitions (`data.customAttributeDefinitions`). */
const DEFINED_AT = 1_735_689_600;
const define = (
  id: number,
  attribute_model: CustomAttributeDefinition['attribute_model'],
  attribute_key: string,
  attribute_display_name: string,
  attribute_display_type: CustomAttributeDefinition['attribute_display_type'],
  attribute_values: string[] = [],
): CustomAttributeDefinition => ({
  id,
  attribute_display_name,
  attribute_display_type,
  attribute_description: null,
  attribute_key,
  regex_pattern: null,
  attribute_values,
  attribute_model,
  default_value: null,
  created_at: DEFINED_AT,
  updated_at: DEFINED_AT,
});
const DEFINITIONS: CustomAttributeDefinition[] = [
  define(1, 'contact_attribute', 'plan', 'Plan', 'list', ['basic', 'pro', 'enterprise']),
  define(2, 'contact_attribute', 'customer_since', 'Customer since', 'date'),
  define(3, 'contact_attribute', 'lifetime_value', 'Lifetime value', 'number'),
  define(4, 'conversation_attribute', 'order_id', 'Order number', 'text'),
];
const AGENT: Agent = {
  id: 7,
  account_id: ACCOUNT.id,
  availability_status: 'online',
  auto_offline: true,
  confirmed: true,
  email: 'layla.haddad@bevatel.example',
  available_name: 'Layla',
  name: 'Layla Haddad',
  role: 'administrator',
  thumbnail: '',
};

function noProfiles(): ContactAdditionalAttributes {
  return {
    description: null,
    company_name: null,
    social_profiles: { github: null, twitter: null, facebook: null, linkedin: null },
  };
}

interface Script {
  id: number;
  uuid: string;
  inboxId: number;
  channel: ChannelType;
  contact: Omit<Contact, 'created_at' | 'last_activity_at'>;
  assigned: boolean;
  team: { id: number; name: string } | null;
  labels: string[];
  status: Conversation['status'];
  priority: Conversation['priority'];
  customAttributes: Conversation['custom_attributes'];
  browser: Conversation['additional_attributes'];
  /** [minutes ago, type, content, private?] — oldest first. */
  lines: [number, 'in' | 'out' | 'activity', string, boolean?][];
}

const SCRIPTS: Record<SampleConversationKey, Script> = {
  'billing-en': {
    id: 1042,
    uuid: '6f1d2b0e-7d3c-4a55-9a2e-1c8b5e0f4a11',
    inboxId: 3,
    channel: 'Channel::WebWidget',
    contact: {
      id: 311,
      name: 'Sarah Johnson',
      email: 'sarah.johnson@example.com',
      phone_number: '+1 415 555 0132',
      identifier: 'cus_58213',
      thumbnail: '',
      availability_status: 'online',
      additional_attributes: {
        description: 'Runs a small bakery; orders packaging monthly.',
        company_name: 'Johnson Bakes',
        social_profiles: {
          github: null,
          twitter: 'johnsonbakes',
          facebook: 'johnsonbakes',
          linkedin: 'sarah-johnson-bakes',
        },
        city: 'San Francisco',
        country: 'United States',
      },
      custom_attributes: { plan: 'pro', customer_since: '2021-04-12', lifetime_value: 4820 },
    },
    assigned: true,
    team: { id: 2, name: 'Billing' },
    labels: ['billing', 'vip'],
    status: 'open',
    priority: 'high',
    customAttributes: { order_id: '58213' },
    browser: {
      browser: {
        device_name: 'MacBook Pro',
        browser_name: 'Chrome',
        platform_name: 'macOS',
        browser_version: '126.0.6478.62',
        platform_version: '14.5',
      },
      referer: 'https://shop.example.com/orders/58213',
      initiated_at: { timestamp: 'Tue Jun 18 2024 10:03:27 GMT-0700 (Pacific Daylight Time)' },
    },
    lines: [
      [95, 'in', 'Hi! I was charged twice for order #58213 this morning.'],
      [93, 'activity', 'Conversation was assigned to Layla Haddad'],
      [90, 'out', 'Hi Sarah, sorry about that. Let me check the payment records for #58213.'],
      [88, 'out', 'Two captures of $129.00 on the same card, refund the second.', true],
      [12, 'in', 'Any update? The second charge is still on my statement.'],
    ],
  },
  'shipping-ar': {
    id: 1043,
    uuid: 'a3c90e7b-52f4-4e0d-b0a6-9d7e2f6c3b22',
    inboxId: 5,
    channel: 'Channel::Whatsapp',
    contact: {
      id: 312,
      name: 'أحمد الشمري',
      email: null,
      phone_number: '+966 50 123 4567',
      identifier: null,
      thumbnail: '',
      availability_status: 'offline',
      additional_attributes: {
        description: 'عميل منذ ٢٠٢٢، يفضّل التواصل عبر واتساب',
        company_name: null,
        social_profiles: { github: null, twitter: null, facebook: null, linkedin: null },
        city: 'الرياض',
        country: 'المملكة العربية السعودية',
      },
      custom_attributes: { plan: 'basic', preferred_language: 'ar' },
    },
    assigned: true,
    team: { id: 3, name: 'الشحن' },
    labels: ['shipping'],
    status: 'pending',
    priority: 'medium',
    customAttributes: { order_id: '58214', city: 'الرياض' },
    browser: {
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
    lines: [
      [240, 'in', 'السلام عليكم، طلبي رقم 58214 لم يصل حتى الآن.'],
      [236, 'out', 'وعليكم السلام أحمد، سأتحقق من حالة الشحنة الآن.'],
      [230, 'out', 'الشحنة متأخرة في مستودع الرياض، تم التصعيد لفريق الشحن.', true],
      [225, 'activity', 'تم تغيير حالة المحادثة إلى معلّقة'],
      [30, 'in', 'شكراً، متى أتوقع التوصيل؟'],
    ],
  },
  'warranty-mixed': {
    id: 1044,
    uuid: 'c5e4d1f0-1b2a-4c3d-8e9f-0a1b2c3d4e33',
    inboxId: 4,
    channel: 'Channel::Email',
    contact: {
      id: 313,
      name: 'Mariam Al-Farsi مريم الفارسي',
      email: 'mariam.alfarsi@example.org',
      phone_number: null,
      identifier: 'crm-99120',
      thumbnail: '',
      availability_status: 'busy',
      additional_attributes: noProfiles(),
      custom_attributes: {},
    },
    assigned: false,
    team: null,
    labels: [],
    status: 'open',
    priority: null,
    customAttributes: {},
    browser: {
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
    lines: [
      [60, 'in', 'Hello, my kettle stopped working after 3 months. مرحباً، هل يشملها الضمان؟'],
    ],
  },
};

/** Display names of the sample conversations, for pickers. */
export const SAMPLE_CONVERSATION_LABELS: Record<SampleConversationKey, string> = {
  'billing-en': '#1042 Sarah Johnson — billing (English)',
  'shipping-ar': '#1043 أحمد الشمري — الشحن (عربي)',
  'warranty-mixed': '#1044 Mariam Al-Farsi — warranty (mixed)',
};

function contactSender(contact: Script['contact']): MessageSender {
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

function agentSender(): MessageSender {
  return {
    id: AGENT.id,
    name: AGENT.name,
    email: AGENT.email,
    phone_number: null,
    identifier: null,
    thumbnail: AGENT.thumbnail,
    additional_attributes: noProfiles(),
    custom_attributes: {},
    type: 'user',
    available_name: AGENT.available_name,
  };
}

function buildMessages(script: Script, now: number): Message[] {
  return script.lines.map(([minutesAgo, kind, content, isPrivate], index) => {
    const base = {
      id: script.id * 100 + index + 1,
      content,
      inbox_id: script.inboxId,
      conversation_id: script.id,
      account_id: ACCOUNT.id,
      content_type: 'text' as const,
      content_attributes: {},
      created_at: now - minutesAgo * 60,
      private: isPrivate === true,
      source_id:
        script.channel === 'Channel::Whatsapp' && kind !== 'activity'
          ? `wamid.HBgMOTY2NTAxMjM0NTY3FQIAEhg${script.id}${index}`
          : null,
    };
    if (kind === 'in') {
      return {
        ...base,
        message_type: 0,
        status: 'read',
        sender_type: 'Contact',
        sender_id: script.contact.id,
        sender: contactSender(script.contact),
      };
    }
    if (kind === 'out') {
      return {
        ...base,
        message_type: 1,
        status: 'delivered',
        sender_type: 'User',
        sender_id: AGENT.id,
        sender: agentSender(),
      };
    }
    return {
      ...base,
      message_type: 2,
      status: 'sent',
      sender_type: null,
      sender_id: null,
      sender: null,
    };
  });
}

/** A complete appContext `data` object for one of the sample conversations. */
export function createSampleContext(options: SampleContextOptions = {}): AppContextData {
  const key = options.conversation ?? 'billing-en';
  const script = SCRIPTS[key];
  const now = Math.floor(options.now ?? Date.now() / 1000);
  const locale = options.locale ?? (key === 'shipping-ar' ? 'ar' : 'en');
  const messages = buildMessages(script, now);
  const first = messages[0] as Message;
  const last = messages[messages.length - 1] as Message;
  const lastNonActivity = [...messages].reverse().find((m) => m.message_type !== 2) ?? null;
  const firstReply = messages.find((m) => m.message_type === 1 && !m.private) ?? null;
  const lastIncoming = [...messages].reverse().find((m) => m.message_type === 0);
  const contact: Contact = {
    ...script.contact,
    created_at: now - 400 * 86400,
    last_activity_at: last.created_at,
  };
  const waiting = lastIncoming && lastIncoming === lastNonActivity ? lastIncoming.created_at : null;
  const conversation: Conversation = {
    id: script.id,
    uuid: script.uuid,
    account_id: ACCOUNT.id,
    inbox_id: script.inboxId,
    meta: {
      sender: contact,
      channel: script.channel,
      assignee: script.assigned ? AGENT : null,
      team: script.team,
      hmac_verified: script.channel === 'Channel::WebWidget',
    },
    messages,
    additional_attributes: script.browser,
    custom_attributes: script.customAttributes,
    labels: script.labels,
    status: script.status,
    priority: script.priority,
    muted: false,
    can_reply: true,
    snoozed_until: null,
    agent_last_seen_at: script.assigned ? now - 20 * 60 : 0,
    assignee_last_seen_at: script.assigned ? now - 20 * 60 : 0,
    contact_last_seen_at: now - 10 * 60,
    timestamp: last.created_at,
    unread_count: waiting ? 1 : 0,
    created_at: first.created_at,
    last_activity_at: last.created_at,
    waiting_since: waiting,
    first_reply_created_at: firstReply ? firstReply.created_at : null,
    last_non_activity_message: lastNonActivity,
  };
  return buildAppContext({
    conversation,
    messages,
    allMessagesLoaded: true,
    contact,
    currentAgent: { id: AGENT.id, name: AGENT.name, email: AGENT.email },
    locale,
    theme: options.theme ?? 'light',
    account: ACCOUNT,
    customAttributeDefinitions: DEFINITIONS,
  }).data;
}
