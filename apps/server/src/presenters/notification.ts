/**
 * The one JSON shape of a notification (Chatwoot's `push_event_data`, trimmed): for the list,
 * the mark-read answers and the `notification.*` events alike. Loads what the rows point at in
 * three queries, whatever their number.
 */
import {
  plainMentions,
  type ConversationStatus,
  type MessageType,
  type Notification,
  type NotificationMessage,
  type NotificationType,
} from '@bevatel/protocol';
import type { Kysely } from 'kysely';
import type { Database, NotificationRow } from '../db/schema';
import { toSeconds, toSecondsOrZero } from '../lib/time';

const TITLE_WORDS = 10;

/** Chatwoot's first words of a message (`truncate_words(10)`), mentions as `@Name`. */
function excerpt(content: string | null): string {
  const words = plainMentions(content ?? '')
    .split(/\s+/)
    .filter(Boolean);
  return words.length > TITLE_WORDS
    ? `${words.slice(0, TITLE_WORDS).join(' ')}...`
    : words.join(' ');
}

/** Chatwoot's English titles (the dashboard words its own from the type). */
function titleOf(type: NotificationType, displayId: number, message: string | null): string {
  switch (type) {
    case 'conversation_assignment':
      return `A conversation (#${displayId}) has been assigned to you`;
    case 'assigned_conversation_new_message':
      return `A new message is created in conversation (#${displayId}) - ${excerpt(message)}`;
    case 'conversation_mention':
      return `[#${displayId}] ${excerpt(message)}`;
    case 'snoozed_conversation_reopened':
      return `Snoozed conversation (#${displayId}) has been reopened`;
  }
}

export async function presentNotifications(
  db: Kysely<Database>,
  rows: readonly NotificationRow[],
): Promise<Notification[]> {
  if (rows.length === 0) return [];
  const conversationIds = [...new Set(rows.map((r) => r.primary_actor_id))];
  const messageIds = [
    ...new Set(rows.flatMap((r) => (r.secondary_actor_id === null ? [] : [r.secondary_actor_id]))),
  ];
  const userIds = [...new Set(rows.map((r) => r.user_id))];
  const conversations = await db
    .selectFrom('conversations')
    .innerJoin('contacts', 'contacts.id', 'conversations.contact_id')
    .select([
      'conversations.id',
      'conversations.display_id',
      'conversations.inbox_id',
      'conversations.status',
      'contacts.id as contact_id',
      'contacts.name as contact_name',
    ])
    .where('conversations.id', 'in', conversationIds)
    .execute();
  const messages =
    messageIds.length === 0
      ? []
      : await db
          .selectFrom('messages')
          .leftJoin('users', (join) =>
            join
              .onRef('users.id', '=', 'messages.sender_id')
              .on('messages.sender_type', '=', 'User'),
          )
          .leftJoin('contacts', (join) =>
            join
              .onRef('contacts.id', '=', 'messages.sender_id')
              .on('messages.sender_type', '=', 'Contact'),
          )
          .select([
            'messages.id',
            'messages.content',
            'messages.message_type',
            'messages.private',
            'messages.created_at',
            'messages.sender_type',
            'messages.sender_id',
            'users.name as user_name',
            'users.display_name as user_display_name',
            'contacts.name as contact_name',
          ])
          .where('messages.id', 'in', messageIds)
          .execute();
  const users = await db
    .selectFrom('users')
    .select(['id', 'name', 'display_name'])
    .where('id', 'in', userIds)
    .execute();
  const conversationOf = new Map(conversations.map((c) => [c.id, c]));
  const userOf = new Map(users.map((u) => [u.id, u]));
  const messageOf = new Map<number, NotificationMessage>(
    messages.map((m) => [
      m.id,
      {
        id: m.id,
        content: m.content,
        message_type: m.message_type as MessageType,
        private: m.private === 1,
        created_at: toSecondsOrZero(m.created_at),
        sender:
          m.sender_id === null
            ? null
            : m.sender_type === 'User'
              ? { id: m.sender_id, name: m.user_display_name || m.user_name, type: 'user' }
              : { id: m.sender_id, name: m.contact_name, type: 'contact' },
      },
    ]),
  );
  return rows.flatMap((row) => {
    const conversation = conversationOf.get(row.primary_actor_id);
    const user = userOf.get(row.user_id);
    if (!conversation || !user) return [];
    const type = row.notification_type as NotificationType;
    const message =
      row.secondary_actor_id === null ? null : (messageOf.get(row.secondary_actor_id) ?? null);
    return [
      {
        id: row.id,
        account_id: row.account_id,
        notification_type: type,
        push_message_title: titleOf(type, conversation.display_id, message?.content ?? null),
        primary_actor_type: 'Conversation',
        primary_actor_id: conversation.id,
        primary_actor: {
          id: conversation.display_id,
          inbox_id: conversation.inbox_id,
          status: conversation.status as ConversationStatus,
          meta: { sender: { id: conversation.contact_id, name: conversation.contact_name } },
        },
        secondary_actor: message,
        user: {
          id: user.id,
          name: user.name,
          available_name: user.display_name || user.name,
          type: 'user',
        },
        read_at: toSeconds(row.read_at),
        created_at: toSecondsOrZero(row.created_at),
        last_activity_at: toSecondsOrZero(row.created_at),
      },
    ];
  });
}
