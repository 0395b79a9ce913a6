import type {
  Agent,
  BrowserInfo,
  ChannelType,
  Contact,
  Conversation,
  ConversationAdditionalAttributes,
  ConversationPriority,
  ConversationStatus,
  JsonObject,
  JsonValue,
  TeamRef,
} from '@bevatel/protocol';
import { MESSAGE_TYPES } from '@bevatel/protocol';
import { sql, type Kysely } from 'kysely';
import type { ConversationRow, Database, MessageRow } from '../db/schema';
import { parseJsonObject } from '../lib/json';
import { toSeconds, toSecondsOrZero } from '../lib/time';
import { gather } from '../core/gather';
import { MEMBERSHIP_COLUMNS, presentAgent, toAgentRecord } from './agent';
import { presentContact } from './contact';
import {
  loadMessageSenders,
  presentMessage,
  type MessageSenders,
  type PresentedMessage,
} from './message';

/** How long after the contact's last message a WhatsApp conversation still accepts replies. */
const WHATSAPP_REPLY_WINDOW_MS = 24 * 60 * 60 * 1000;

/** Everything a page of conversations refers to, loaded with one query per kind. */
export interface ConversationRelations {
  contacts: Map<number, Contact>;
  channels: Map<number, ChannelType>;
  /** Keyed by `${account_id}:${user_id}`. */
  assignees: Map<string, Agent>;
  teams: Map<number, TeamRef>;
  /** By contact_inbox id. */
  hmacVerified: Map<number, boolean>;
  labels: Map<number, string[]>;
  lastMessages: Map<number, PresentedMessage>;
  lastNonActivityMessages: Map<number, PresentedMessage>;
  unreadCounts: Map<number, number>;
  /** Last incoming message time, only for channels with a reply window. */
  lastIncomingAt: Map<number, number>;
  /** Senders of the last messages and of any others asked for alongside. */
  senders: MessageSenders;
}

const str = (value: JsonValue | undefined): string | null =>
  typeof value === 'string' ? value : null;

const asObject = (value: JsonValue | undefined): JsonObject =>
  typeof value === 'object' && value !== null && !Array.isArray(value) ? value : {};

/** The documented additional_attributes: browser, referer and initiated_at always present. */
export function presentConversationAttributes(text: string): ConversationAdditionalAttributes {
  const stored = parseJsonObject(text);
  const browser = asObject(stored.browser);
  const initiated = asObject(stored.initiated_at);
  const presentedBrowser: BrowserInfo = {
    ...browser,
    device_name: str(browser.device_name),
    browser_name: str(browser.browser_name),
    platform_name: str(browser.platform_name),
    browser_version: str(browser.browser_version),
    platform_version: str(browser.platform_version),
  };
  return {
    ...stored,
    browser: presentedBrowser,
    referer: str(stored.referer),
    initiated_at: { ...initiated, timestamp: str(initiated.timestamp) },
  };
}

const assigneeKey = (accountId: number, userId: number) => `${accountId}:${userId}`;

function canReply(row: ConversationRow, channel: ChannelType, rel: ConversationRelations): boolean {
  if (channel !== 'Channel::Whatsapp') return true;
  const last = rel.lastIncomingAt.get(row.id);
  return last !== undefined && Date.now() - last < WHATSAPP_REPLY_WINDOW_MS;
}

/** Fallback when a contact row vanished between queries: keeps the documented shape. */
function missingContact(id: number): Contact {
  return {
    id,
    name: null,
    email: null,
    phone_number: null,
    identifier: null,
    thumbnail: null,
    availability_status: 'offline',
    additional_attributes: {
      description: null,
      company_name: null,
      social_profiles: { github: null, twitter: null, facebook: null, linkedin: null },
    },
    custom_attributes: {},
    last_activity_at: 0,
    created_at: 0,
  };
}

/**
 * The one conversation shape: REST list/show, realtime events and the dashboard apps'
 * appContext all use it. `messages` holds the last message, as Chatwoot's list does.
 */
export function presentConversation(
  row: ConversationRow,
  rel: ConversationRelations,
): Conversation {
  const channel = rel.channels.get(row.inbox_id) ?? 'Channel::Api';
  const last = rel.lastMessages.get(row.id);
  return {
    meta: {
      sender: rel.contacts.get(row.contact_id) ?? missingContact(row.contact_id),
      channel,
      assignee:
        row.assignee_id == null
          ? null
          : (rel.assignees.get(assigneeKey(row.account_id, row.assignee_id)) ?? null),
      team: row.team_id == null ? null : (rel.teams.get(row.team_id) ?? null),
      hmac_verified:
        row.contact_inbox_id == null
          ? false
          : (rel.hmacVerified.get(row.contact_inbox_id) ?? false),
    },
    id: row.display_id,
    uuid: row.uuid,
    account_id: row.account_id,
    inbox_id: row.inbox_id,
    messages: last ? [last] : [],
    additional_attributes: presentConversationAttributes(row.additional_attributes),
    custom_attributes: parseJsonObject(row.custom_attributes),
    labels: rel.labels.get(row.id) ?? [],
    status: row.status as ConversationStatus,
    priority: (row.priority as ConversationPriority | null) ?? null,
    muted: row.muted === 1,
    can_reply: canReply(row, channel, rel),
    snoozed_until: toSeconds(row.snoozed_until),
    agent_last_seen_at: toSecondsOrZero(row.agent_last_seen_at),
    assignee_last_seen_at: toSecondsOrZero(row.assignee_last_seen_at),
    contact_last_seen_at: toSecondsOrZero(row.contact_last_seen_at),
    timestamp: toSecondsOrZero(row.last_activity_at),
    unread_count: rel.unreadCounts.get(row.id) ?? 0,
    created_at: toSecondsOrZero(row.created_at),
    last_activity_at: toSecondsOrZero(row.last_activity_at),
    waiting_since: toSeconds(row.waiting_since),
    first_reply_created_at: toSeconds(row.first_reply_created_at),
    last_non_activity_message: rel.lastNonActivityMessages.get(row.id) ?? null,
  };
}

/**
 * Each conversation's last message and its last non-activity message (often the same row),
 * in one query: max(id) per conversation walks the (conversation_id, id) index.
 */
async function lastMessagesOf(
  db: Kysely<Database>,
  conversationIds: number[],
): Promise<{ last: MessageRow[]; lastNonActivity: MessageRow[] }> {
  if (!conversationIds.length) return { last: [], lastNonActivity: [] };
  const rows = await db
    .selectFrom('messages')
    .selectAll()
    .where('id', 'in', (eb) =>
      eb
        .selectFrom('messages as m')
        .select((inner) => inner.fn.max('m.id').as('id'))
        .where('m.conversation_id', 'in', conversationIds)
        .groupBy('m.conversation_id')
        .union(
          eb
            .selectFrom('messages as n')
            .select((inner) => inner.fn.max('n.id').as('id'))
            .where('n.conversation_id', 'in', conversationIds)
            .where('n.message_type', '<>', MESSAGE_TYPES.activity)
            .groupBy('n.conversation_id'),
        ),
    )
    .orderBy('id')
    .execute();
  // Ascending ids: the last row seen per conversation wins.
  const last = new Map<number, MessageRow>();
  const lastNonActivity = new Map<number, MessageRow>();
  for (const row of rows) {
    last.set(row.conversation_id, row);
    if (row.message_type !== MESSAGE_TYPES.activity) lastNonActivity.set(row.conversation_id, row);
  }
  return { last: [...last.values()], lastNonActivity: [...lastNonActivity.values()] };
}

/**
 * The last messages when a command has just written `newest` into the one conversation (it
 * holds the conversation's lock, so nothing newer exists): no query, unless it is an activity
 * line and the last non-activity message is still needed.
 */
async function newestMessages(
  db: Kysely<Database>,
  ids: number[],
  newest: MessageRow,
): Promise<{ last: MessageRow[]; lastNonActivity: MessageRow[] }> {
  if (ids.length !== 1 || ids[0] !== newest.conversation_id) return lastMessagesOf(db, ids);
  if (newest.message_type !== MESSAGE_TYPES.activity) {
    return { last: [newest], lastNonActivity: [newest] };
  }
  const earlier = await db
    .selectFrom('messages')
    .selectAll()
    .where('conversation_id', '=', newest.conversation_id)
    .where('message_type', '<>', MESSAGE_TYPES.activity)
    .orderBy('id', 'desc')
    .limit(1)
    .execute();
  return { last: [newest], lastNonActivity: earlier };
}

const unique = <T>(values: (T | null)[]): T[] => [
  ...new Set(values.filter((v): v is T => v !== null)),
];

async function loadContacts(db: Kysely<Database>, ids: number[]): Promise<Map<number, Contact>> {
  if (!ids.length) return new Map();
  const rows = await db.selectFrom('contacts').selectAll().where('id', 'in', ids).execute();
  return new Map(rows.map((row) => [row.id, presentContact(row)]));
}

async function loadAssignees(
  db: Kysely<Database>,
  rows: readonly Pick<ConversationRow, 'account_id' | 'assignee_id'>[],
): Promise<Map<string, Agent>> {
  const userIds = unique(rows.map((row) => row.assignee_id));
  if (!userIds.length) return new Map();
  const found = await db
    .selectFrom('users')
    .innerJoin('account_users', 'account_users.user_id', 'users.id')
    .selectAll('users')
    .select(MEMBERSHIP_COLUMNS)
    .where('users.id', 'in', userIds)
    .where('account_users.account_id', 'in', unique(rows.map((row) => row.account_id)))
    .execute();
  const assignees = new Map<string, Agent>();
  for (const row of found) {
    const { user, membership } = toAgentRecord(row);
    assignees.set(assigneeKey(membership.account_id, user.id), presentAgent(user, membership));
  }
  return assignees;
}

async function loadLabels(db: Kysely<Database>, ids: number[]): Promise<Map<number, string[]>> {
  const labels = new Map<number, string[]>();
  if (!ids.length) return labels;
  const rows = await db
    .selectFrom('conversation_labels')
    .select(['conversation_id', 'label'])
    .where('conversation_id', 'in', ids)
    .orderBy('label')
    .execute();
  for (const { conversation_id, label } of rows) {
    const list = labels.get(conversation_id);
    if (list) list.push(label);
    else labels.set(conversation_id, [label]);
  }
  return labels;
}

/** Last incoming message time of conversations whose channel has a reply window. */
async function loadLastIncoming(db: Kysely<Database>, ids: number[]): Promise<Map<number, number>> {
  if (!ids.length) return new Map();
  const rows = await db
    .selectFrom('messages')
    .select((eb) => ['conversation_id', eb.fn.max('created_at').as('at')])
    .where('conversation_id', 'in', ids)
    .where('message_type', '=', MESSAGE_TYPES.incoming)
    .groupBy('conversation_id')
    .execute();
  return new Map(rows.map((r) => [r.conversation_id, Number(r.at)]));
}

/** Joins label titles in one string (titles cannot hold control characters). */
const LABEL_SEPARATOR = '\u001f';

/**
 * Channel, team name, HMAC state, labels and unread count of each conversation, in one query
 * (the labels and the count as subqueries per conversation, on their indexes).
 */
async function loadLookups(db: Kysely<Database>, ids: number[]) {
  if (!ids.length) return [];
  return db
    .selectFrom('conversations')
    .innerJoin('inboxes', 'inboxes.id', 'conversations.inbox_id')
    .leftJoin('contact_inboxes', 'contact_inboxes.id', 'conversations.contact_inbox_id')
    .leftJoin('teams', 'teams.id', 'conversations.team_id')
    .select([
      'conversations.id',
      'conversations.inbox_id',
      'inboxes.channel_type',
      'conversations.contact_inbox_id',
      'contact_inboxes.hmac_verified',
      'conversations.team_id',
      'teams.name as team_name',
    ])
    .select((eb) => [
      // Incoming messages after agent_last_seen_at.
      eb
        .selectFrom('messages')
        .select((inner) => inner.fn.countAll<number>().as('n'))
        .whereRef('messages.conversation_id', '=', 'conversations.id')
        .where('messages.message_type', '=', MESSAGE_TYPES.incoming)
        .where((inner) =>
          inner(
            'messages.created_at',
            '>',
            inner.fn.coalesce('conversations.agent_last_seen_at', sql<number>`0`),
          ),
        )
        .as('unread_count'),
      // string_agg with ORDER BY: PostgreSQL, and SQLite since 3.44.
      sql<
        string | null
      >`(select string_agg(conversation_labels.label, cast(${LABEL_SEPARATOR} as text) order by conversation_labels.label) from conversation_labels where conversation_labels.conversation_id = conversations.id)`.as(
        'labels',
      ),
    ])
    .where('conversations.id', 'in', ids)
    .execute();
}

/**
 * Loads what `presentConversation` needs for all rows at once: four queries for a page however
 * long (contacts; channel, team, HMAC, labels and unread counts; assignees; last messages),
 * then the senders of those messages and of `alsoMessages` (which a caller presents beside).
 * `newest`: a message the caller has just written into the one conversation, so its last
 * messages need no query.
 */
export async function loadConversationRelations(
  db: Kysely<Database>,
  rows: readonly ConversationRow[],
  alsoMessages: readonly MessageRow[] = [],
  newest?: MessageRow,
): Promise<ConversationRelations> {
  const ids = rows.map((row) => row.id);
  const [contacts, lookups, assignees, lastMessages] = await gather(
    db,
    () => loadContacts(db, unique(rows.map((row) => row.contact_id))),
    () => loadLookups(db, ids),
    () => loadAssignees(db, rows),
    () => (newest ? newestMessages(db, ids, newest) : lastMessagesOf(db, ids)),
  );

  const channels = new Map<number, ChannelType>();
  const teams = new Map<number, TeamRef>();
  const hmacVerified = new Map<number, boolean>();
  const labels = new Map<number, string[]>();
  const unreadCounts = new Map<number, number>();
  for (const row of lookups) {
    if (row.labels) labels.set(row.id, row.labels.split(LABEL_SEPARATOR));
    if (Number(row.unread_count)) unreadCounts.set(row.id, Number(row.unread_count));
    channels.set(row.inbox_id, row.channel_type as ChannelType);
    if (row.team_id !== null && row.team_name !== null) {
      teams.set(row.team_id, { id: row.team_id, name: row.team_name });
    }
    if (row.contact_inbox_id !== null)
      hmacVerified.set(row.contact_inbox_id, row.hmac_verified === 1);
  }
  const windowed = rows.filter((row) => channels.get(row.inbox_id) === 'Channel::Whatsapp');
  const [lastIncomingAt, senders] = await gather(
    db,
    () =>
      loadLastIncoming(
        db,
        windowed.map((row) => row.id),
      ),
    () =>
      loadMessageSenders(
        db,
        [...lastMessages.last, ...lastMessages.lastNonActivity, ...alsoMessages],
        contacts,
        new Map(rows.map((row) => [row.id, row.display_id])),
      ),
  );
  const present = (list: MessageRow[]) =>
    new Map(list.map((m) => [m.conversation_id, presentMessage(m, senders)]));
  return {
    contacts,
    channels,
    assignees,
    teams,
    hmacVerified,
    labels,
    lastMessages: present(lastMessages.last),
    lastNonActivityMessages: present(lastMessages.lastNonActivity),
    unreadCounts,
    lastIncomingAt,
    senders,
  };
}

/**
 * What a page of messages carries beside it (Chatwoot's `meta`): the contact, the assignee and
 * the labels, without presenting the whole conversation.
 */
export async function loadConversationMeta(
  db: Kysely<Database>,
  row: ConversationRow,
): Promise<{ contact: Contact | null; assignee: Agent | null; labels: string[] }> {
  const [contacts, assignees, labels] = await gather(
    db,
    () => loadContacts(db, [row.contact_id]),
    () => loadAssignees(db, [row]),
    () => loadLabels(db, [row.id]),
  );
  return {
    contact: contacts.get(row.contact_id) ?? null,
    assignee:
      row.assignee_id == null
        ? null
        : (assignees.get(assigneeKey(row.account_id, row.assignee_id)) ?? null),
    labels: labels.get(row.id) ?? [],
  };
}

/** Presents many conversations with batched loading (no query per row). */
export async function presentConversations(
  db: Kysely<Database>,
  rows: readonly ConversationRow[],
): Promise<Conversation[]> {
  if (rows.length === 0) return [];
  const relations = await loadConversationRelations(db, rows);
  return rows.map((row) => presentConversation(row, relations));
}
