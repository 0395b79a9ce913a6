/**
 * The benchmark's data: one busy account with N conversations and M messages, generated row by
 * row (column arrays in table order) so either database can take them in bulk. Deterministic.
 */
import { createHash, randomUUID } from 'node:crypto';

const sha256 = (value: string) => createHash('sha256').update(value).digest('hex');

export type ColumnType = 'int' | 'bigint' | 'text';

export interface TableSpec {
  name: string;
  columns: [string, ColumnType][];
}

export type Row = (string | number | null)[];

export interface DatasetSize {
  conversations: number;
  messages: number;
  contacts: number;
  agents: number;
}

export const ACCOUNT_ID = 1;
export const ADMIN_TOKEN = 'bench-admin-token';
/** Agent 1: a member of two of the four inboxes. */
export const AGENT_TOKEN = 'bench-agent-token-1';
export const INBOXES = [
  ['Support API', 'Channel::Api'],
  ['Website Chat', 'Channel::WebWidget'],
  ['Email', 'Channel::Email'],
  ['Partners API', 'Channel::Api'],
] as const;
const TEAMS = ['Billing', 'Technical', 'Sales'];
const LABELS = [
  'vip',
  'billing',
  'refund',
  'shipping',
  'login',
  'bug',
  'feedback',
  'urgent',
  'new',
  'arabic',
];
const STATUSES = ['open', 'resolved', 'pending', 'snoozed'] as const;
const PRIORITIES = [null, null, null, 'low', 'medium', 'high', 'urgent'] as const;
/** Messages per conversation cycle through these; their mean is 10. */
const MESSAGE_COUNTS = [4, 16, 7, 13, 10];

const SENTENCES = [
  'Hi, my order has not arrived yet, can you check the tracking for me?',
  'Sorry for the wait! I am looking into it right now.',
  'The courier shows the parcel at the Riyadh hub; it should arrive tomorrow.',
  'السلام عليكم، تم خصم المبلغ مرتين من بطاقتي',
  'نعتذر عن الإزعاج، سنقوم بإرجاع المبلغ خلال ٥ أيام عمل',
  'I cannot log in, the two-factor code is always rejected.',
  'Could you try again now? The SMS provider had an outage this morning.',
  'شكراً جزيلاً على سرعة الرد',
  'Please send me the invoice with our VAT number for last quarter.',
  'Done — the invoices are in your billing page and in your inbox.',
  'متى يصل طلبي؟ أحتاجه قبل نهاية الأسبوع',
  'Checking with the warehouse team, one moment please.',
];

export const TABLES = {
  accounts: {
    name: 'accounts',
    columns: [
      ['id', 'int'],
      ['name', 'text'],
      ['locale', 'text'],
      ['last_display_id', 'int'],
      ['created_at', 'bigint'],
    ],
  },
  users: {
    name: 'users',
    columns: [
      ['id', 'int'],
      ['name', 'text'],
      ['display_name', 'text'],
      ['email', 'text'],
      ['password_hash', 'text'],
      ['access_token_digest', 'text'],
      ['access_token_sealed', 'text'],
      ['avatar_url', 'text'],
      ['ui_settings', 'text'],
      ['created_at', 'bigint'],
      ['updated_at', 'bigint'],
    ],
  },
  account_users: {
    name: 'account_users',
    columns: [
      ['account_id', 'int'],
      ['user_id', 'int'],
      ['role', 'text'],
      ['auto_offline', 'int'],
      ['availability', 'text'],
      ['created_at', 'bigint'],
    ],
  },
  inboxes: {
    name: 'inboxes',
    columns: [
      ['id', 'int'],
      ['account_id', 'int'],
      ['name', 'text'],
      ['channel_type', 'text'],
      ['greeting_message', 'text'],
      ['created_at', 'bigint'],
    ],
  },
  inbox_members: {
    name: 'inbox_members',
    columns: [
      ['inbox_id', 'int'],
      ['user_id', 'int'],
    ],
  },
  teams: {
    name: 'teams',
    columns: [
      ['id', 'int'],
      ['account_id', 'int'],
      ['name', 'text'],
      ['description', 'text'],
      ['allow_auto_assign', 'int'],
      ['created_at', 'bigint'],
    ],
  },
  labels: {
    name: 'labels',
    columns: [
      ['account_id', 'int'],
      ['title', 'text'],
      ['description', 'text'],
      ['color', 'text'],
      ['show_on_sidebar', 'int'],
      ['created_at', 'bigint'],
    ],
  },
  contacts: {
    name: 'contacts',
    columns: [
      ['id', 'int'],
      ['account_id', 'int'],
      ['name', 'text'],
      ['email', 'text'],
      ['phone_number', 'text'],
      ['identifier', 'text'],
      ['thumbnail', 'text'],
      ['additional_attributes', 'text'],
      ['custom_attributes', 'text'],
      ['last_activity_at', 'bigint'],
      ['created_at', 'bigint'],
      ['updated_at', 'bigint'],
    ],
  },
  contact_inboxes: {
    name: 'contact_inboxes',
    columns: [
      ['id', 'int'],
      ['contact_id', 'int'],
      ['inbox_id', 'int'],
      ['source_id', 'text'],
      ['hmac_verified', 'int'],
      ['created_at', 'bigint'],
    ],
  },
  conversations: {
    name: 'conversations',
    columns: [
      ['id', 'int'],
      ['account_id', 'int'],
      ['display_id', 'int'],
      ['uuid', 'text'],
      ['inbox_id', 'int'],
      ['contact_id', 'int'],
      ['contact_inbox_id', 'int'],
      ['assignee_id', 'int'],
      ['team_id', 'int'],
      ['status', 'text'],
      ['priority', 'text'],
      ['snoozed_until', 'bigint'],
      ['custom_attributes', 'text'],
      ['additional_attributes', 'text'],
      ['agent_last_seen_at', 'bigint'],
      ['assignee_last_seen_at', 'bigint'],
      ['contact_last_seen_at', 'bigint'],
      ['last_activity_at', 'bigint'],
      ['waiting_since', 'bigint'],
      ['first_reply_created_at', 'bigint'],
      ['muted', 'int'],
      ['created_at', 'bigint'],
      ['updated_at', 'bigint'],
    ],
  },
  conversation_labels: {
    name: 'conversation_labels',
    columns: [
      ['conversation_id', 'int'],
      ['label', 'text'],
    ],
  },
  messages: {
    name: 'messages',
    columns: [
      ['id', 'int'],
      ['account_id', 'int'],
      ['inbox_id', 'int'],
      ['conversation_id', 'int'],
      ['content', 'text'],
      ['message_type', 'int'],
      ['content_type', 'text'],
      ['content_attributes', 'text'],
      ['private', 'int'],
      ['status', 'text'],
      ['source_id', 'text'],
      ['sender_type', 'text'],
      ['sender_id', 'int'],
      ['created_at', 'bigint'],
      ['updated_at', 'bigint'],
    ],
  },
} satisfies Record<string, TableSpec>;

/** A cheap deterministic hash of an integer, in [0, 1). */
function unit(i: number, salt: number): number {
  let x = Math.imul(i ^ (salt * 0x9e3779b1), 0x85ebca6b);
  x ^= x >>> 13;
  x = Math.imul(x, 0xc2b2ae35);
  x ^= x >>> 16;
  return (x >>> 0) / 4294967296;
}

const DAY = 86_400_000;

/** The small tables: account, people, inboxes, teams, labels, contacts. */
export function baseRows(size: DatasetSize, now: number): [TableSpec, Row[]][] {
  const userCount = size.agents + 1;
  const users: Row[] = Array.from({ length: userCount }, (_, i) => [
    i + 1,
    i === 0 ? 'Bench Admin' : `Agent ${i}`,
    null,
    i === 0 ? 'admin@bench.test' : `agent${i}@bench.test`,
    'not-a-password-hash',
    // The server matches tokens by digest; the bench never reads a token back.
    sha256(i === 0 ? ADMIN_TOKEN : `bench-agent-token-${i}`),
    null,
    null,
    '{}',
    now,
    now,
  ]);
  const members: Row[] = [];
  for (let agent = 2; agent <= userCount; agent += 1) {
    members.push([1 + (agent % INBOXES.length), agent]);
    members.push([1 + ((agent + 1) % INBOXES.length), agent]);
  }
  const contacts: Row[] = Array.from({ length: size.contacts }, (_, i) => [
    i + 1,
    ACCOUNT_ID,
    i % 3 === 0 ? `عميل رقم ${i + 1}` : `Customer ${i + 1}`,
    `customer${i + 1}@example.com`,
    `+9665${String(10_000_000 + i).padStart(8, '0')}`,
    `cust-${i + 1}`,
    null,
    JSON.stringify({
      company_name: `Company ${i % 500}`,
      description: null,
      social_profiles: { twitter: `cust${i + 1}`, github: null, facebook: null, linkedin: null },
    }),
    JSON.stringify({
      plan: ['free', 'starter', 'business'][i % 3],
      city: ['Riyadh', 'Jeddah', 'Dubai'][i % 3],
    }),
    now - Math.floor(unit(i, 7) * 30 * DAY),
    now - 400 * DAY,
    now,
  ]);
  return [
    [TABLES.accounts, [[ACCOUNT_ID, 'Bench Co', 'en', size.conversations, now]]],
    [TABLES.users, users],
    [
      TABLES.account_users,
      users.map((u, i) => [
        ACCOUNT_ID,
        u[0]!,
        i === 0 ? 'administrator' : 'agent',
        1,
        'online',
        now,
      ]),
    ],
    [
      TABLES.inboxes,
      INBOXES.map(([name, channel], i) => [i + 1, ACCOUNT_ID, name, channel, null, now]),
    ],
    [TABLES.inbox_members, members],
    [TABLES.teams, TEAMS.map((name, i) => [i + 1, ACCOUNT_ID, name, null, 1, now])],
    [TABLES.labels, LABELS.map((title) => [ACCOUNT_ID, title, null, '#1f93ff', 1, now])],
    [TABLES.contacts, contacts],
  ];
}

/**
 * Conversations `from..to-1` (0-based) with their contact inboxes, labels and messages.
 * `firstMessageId` is the id the first message of conversation `from` gets.
 */
export function conversationChunk(
  size: DatasetSize,
  now: number,
  from: number,
  to: number,
  firstMessageId: number,
): { conversations: Row[]; contactInboxes: Row[]; labels: Row[]; messages: Row[] } {
  const conversations: Row[] = [];
  const contactInboxes: Row[] = [];
  const labels: Row[] = [];
  const messages: Row[] = [];
  const users = size.agents + 1;
  const perConversation = size.messages / size.conversations / 10;
  let messageId = firstMessageId;
  for (let i = from; i < to; i += 1) {
    const id = i + 1;
    const inbox = 1 + (i % INBOXES.length);
    const contact = 1 + (i % size.contacts);
    const r = unit(i, 1);
    const status = STATUSES[r < 0.4 ? 0 : r < 0.85 ? 1 : r < 0.95 ? 2 : 3];
    const assignee = unit(i, 2) < 0.25 ? null : 1 + Math.floor(unit(i, 3) * users);
    const team = unit(i, 4) < 0.4 ? 1 + (i % TEAMS.length) : null;
    // Activity grows with the display id, with jitter: the list order is not simply by id.
    const last = Math.floor(
      now - ((size.conversations - i) / size.conversations) * 365 * DAY - unit(i, 5) * 2 * DAY,
    );
    const count = Math.max(
      1,
      Math.round(MESSAGE_COUNTS[i % MESSAGE_COUNTS.length]! * perConversation),
    );
    const created = last - count * 9 * 60_000;
    const unread = unit(i, 6) < 0.3;
    contactInboxes.push([id, contact, inbox, `src-${id}`, 0, created]);
    conversations.push([
      id,
      ACCOUNT_ID,
      id,
      randomUUID(),
      inbox,
      contact,
      id,
      assignee,
      team,
      status,
      PRIORITIES[i % PRIORITIES.length] ?? null,
      status === 'snoozed' ? now + DAY : null,
      JSON.stringify({ order_id: `#${100_000 + id}` }),
      inbox === 2
        ? JSON.stringify({
            browser: { browser_name: 'Chrome', platform_name: 'Windows' },
            referer: 'https://shop.test/',
          })
        : '{}',
      unread ? last - 30 * 60_000 : last,
      assignee && !unread ? last : null,
      last,
      last,
      status === 'open' && unread ? last - 30 * 60_000 : null,
      created + 9 * 60_000,
      0,
      created,
      last,
    ]);
    if (unit(i, 8) < 0.3) {
      labels.push([id, LABELS[i % LABELS.length]!]);
      if (unit(i, 9) < 0.5) labels.push([id, LABELS[(i + 3) % LABELS.length]!]);
    }
    for (let k = 0; k < count; k += 1) {
      const at = created + Math.floor(((last - created) * (k + 1)) / count);
      const incoming = k % 2 === 0;
      const note = !incoming && k % 7 === 3;
      const activity = k === count - 1 && status === 'resolved';
      messages.push([
        messageId,
        ACCOUNT_ID,
        inbox,
        id,
        activity ? 'Conversation was resolved by Agent 1' : SENTENCES[(i + k) % SENTENCES.length]!,
        activity ? 2 : incoming ? 0 : 1,
        'text',
        '{}',
        note ? 1 : 0,
        'sent',
        null,
        activity ? null : incoming ? 'Contact' : 'User',
        activity ? null : incoming ? contact : (assignee ?? 1),
        at,
        at,
      ]);
      messageId += 1;
    }
  }
  return { conversations, contactInboxes, labels, messages };
}
