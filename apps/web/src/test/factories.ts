import type { Agent, Contact, Conversation, DashboardApp, Message } from '@bevatel/protocol';

/** Test data in the API's presented shapes. */
export function contact(overrides: Partial<Contact> = {}): Contact {
  return {
    id: 1,
    name: 'Sara Ali',
    email: 'sara@example.com',
    phone_number: '+966500000001',
    identifier: null,
    thumbnail: null,
    availability_status: 'offline',
    additional_attributes: {
      description: null,
      company_name: 'Acme',
      social_profiles: { github: null, twitter: null, facebook: null, linkedin: null },
    },
    custom_attributes: {},
    last_activity_at: 1_700_000_000,
    created_at: 1_700_000_000,
    ...overrides,
  };
}

export function agent(overrides: Partial<Agent> = {}): Agent {
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

export function message(overrides: Partial<Message> = {}): Message {
  return {
    id: 1,
    content: 'Hello',
    inbox_id: 1,
    conversation_id: 7,
    account_id: 1,
    message_type: 0,
    content_type: 'text',
    content_attributes: {},
    created_at: 1_700_000_000,
    private: false,
    status: 'sent',
    source_id: null,
    sender_type: 'Contact',
    sender_id: 1,
    sender: null,
    ...overrides,
  };
}

export function conversation(overrides: Partial<Conversation> = {}): Conversation {
  return {
    id: 7,
    uuid: '00000000-0000-4000-8000-000000000007',
    account_id: 1,
    inbox_id: 1,
    meta: {
      sender: contact(),
      channel: 'Channel::Api',
      assignee: null,
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
    labels: [],
    status: 'open',
    priority: null,
    muted: false,
    can_reply: true,
    snoozed_until: null,
    agent_last_seen_at: 0,
    assignee_last_seen_at: 0,
    contact_last_seen_at: 0,
    timestamp: 1_700_000_000,
    unread_count: 0,
    created_at: 1_700_000_000,
    last_activity_at: 1_700_000_000,
    waiting_since: null,
    first_reply_created_at: null,
    last_non_activity_message: null,
    ...overrides,
  };
}

/** Unix seconds of a local wall-clock time. */
export function localSeconds(
  year: number,
  month: number,
  day: number,
  hour = 12,
  minute = 0,
): number {
  return Math.floor(new Date(year, month - 1, day, hour, minute).getTime() / 1000);
}

export function dashboardApp(overrides: Partial<DashboardApp> = {}): DashboardApp {
  return {
    id: 1,
    title: 'Orders',
    content: [{ type: 'frame', url: 'https://orders.example.com' }],
    allow: [],
    permissions: ['notes:read'],
    allow_send_anyway: true,
    has_secret: false,
    created_at: 0,
    updated_at: 0,
    user_id: 1,
    title_ar: null,
    description: null,
    icon_url: null,
    locations: ['conversation.tab'],
    visibility: { inbox_ids: [], team_ids: [], roles: [] },
    visible_to_me: true,
    enabled: true,
    position: 1,
    settings: [],
    proxy_allowlist: [],
    ...overrides,
  };
}
