/**
 * Examples of the main entities, shown in the OpenAPI description and its reference page.
 * Typed by the protocol's types (tsc checks their shape); a server test validates each one
 * against its schema, so an example can never show a field the API does not send.
 */
import type {
  Agent,
  Contact,
  Conversation,
  DashboardApp,
  Inbox,
  Label,
  Message,
  Profile,
  Team,
} from '../entities';
import type { Webhook } from '../webhooks';

const T = 1_764_680_400; // 2025-12-02T13:00:00Z

export const CONTACT_EXAMPLE: Contact = {
  id: 12,
  name: 'Layla Haddad',
  email: 'layla@example.com',
  phone_number: '+966501234567',
  identifier: 'crm-4417',
  thumbnail: null,
  availability_status: 'offline',
  additional_attributes: {
    description: null,
    company_name: 'Haddad Trading',
    social_profiles: { github: null, twitter: null, facebook: null, linkedin: null },
    city: 'Riyadh',
  },
  custom_attributes: { plan: 'gold' },
  last_activity_at: T,
  created_at: T - 86_400,
};

export const AGENT_EXAMPLE: Agent = {
  id: 3,
  account_id: 1,
  availability_status: 'online',
  auto_offline: true,
  confirmed: true,
  email: 'omar@bevatel.example',
  available_name: 'Omar',
  name: 'Omar Aziz',
  role: 'agent',
  thumbnail: '',
};

export const MESSAGE_EXAMPLE: Message = {
  id: 501,
  content: 'Hello, my order has not arrived yet.',
  inbox_id: 2,
  conversation_id: 42,
  account_id: 1,
  message_type: 0,
  content_type: 'text',
  content_attributes: {},
  created_at: T,
  private: false,
  status: 'sent',
  source_id: null,
  sender_type: 'Contact',
  sender_id: 12,
  sender: {
    id: 12,
    name: 'Layla Haddad',
    email: 'layla@example.com',
    phone_number: '+966501234567',
    identifier: 'crm-4417',
    thumbnail: null,
    additional_attributes: CONTACT_EXAMPLE.additional_attributes,
    custom_attributes: {},
    type: 'contact',
  },
};

export const TEAM_EXAMPLE: Team = {
  id: 4,
  name: 'Billing',
  description: 'Invoices and refunds',
  allow_auto_assign: true,
  account_id: 1,
  is_member: true,
};

export const INBOX_EXAMPLE: Inbox = {
  id: 2,
  account_id: 1,
  name: 'Support API',
  channel_type: 'Channel::Api',
  greeting_message: null,
  created_at: T - 864_000,
};

export const LABEL_EXAMPLE: Label = {
  id: 7,
  title: 'delivery',
  description: 'Where is my order',
  color: '#1f93ff',
  show_on_sidebar: true,
};

export const CONVERSATION_EXAMPLE: Conversation = {
  id: 42,
  uuid: '0b4c8a4e-5b1f-4d7e-9a39-3e2f1c2d9a10',
  account_id: 1,
  inbox_id: 2,
  meta: {
    sender: CONTACT_EXAMPLE,
    channel: 'Channel::Api',
    assignee: AGENT_EXAMPLE,
    team: { id: 4, name: 'Billing' },
    hmac_verified: false,
  },
  messages: [MESSAGE_EXAMPLE],
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
  labels: ['delivery'],
  status: 'open',
  priority: 'medium',
  muted: false,
  can_reply: true,
  snoozed_until: null,
  agent_last_seen_at: T - 60,
  assignee_last_seen_at: T - 60,
  contact_last_seen_at: T,
  timestamp: T,
  unread_count: 1,
  created_at: T - 3_600,
  last_activity_at: T,
  waiting_since: T,
  first_reply_created_at: null,
  last_non_activity_message: MESSAGE_EXAMPLE,
};

export const PROFILE_EXAMPLE: Profile = {
  id: 3,
  name: 'Omar Aziz',
  display_name: 'Omar',
  email: 'omar@bevatel.example',
  avatar_url: '',
  account_id: 1,
  role: 'agent',
  accounts: [{ id: 1, name: 'Bevatel', role: 'agent', availability_status: 'online' }],
  ui_settings: { locale: 'ar', theme: 'dark' },
  availability_status: 'online',
};

export const DASHBOARD_APP_EXAMPLE: DashboardApp = {
  id: 9,
  title: 'Orders',
  content: [{ type: 'frame', url: 'https://orders.example.com/app?email={{contact.email}}' }],
  allow: ['clipboard-write'],
  permissions: ['labels:write'],
  allow_send_anyway: true,
  has_secret: true,
  created_at: T - 86_400,
  updated_at: T - 3_600,
  user_id: 1,
  title_ar: 'الطلبات',
  description: 'The contact’s orders beside the conversation',
  icon_url: null,
  locations: ['conversation.sidebar'],
  visibility: { inbox_ids: [], team_ids: [4], roles: [] },
  visible_to_me: true,
  enabled: true,
  position: 0,
  settings: [],
  proxy_allowlist: ['api.orders.example.com'],
};

export const WEBHOOK_EXAMPLE: Webhook = {
  id: 5,
  account_id: 1,
  name: 'CRM',
  url: 'https://crm.example.com/hooks/bevatel',
  subscriptions: ['conversation_created', 'message_created'],
  created_at: T - 7_200,
  updated_at: T - 7_200,
};
