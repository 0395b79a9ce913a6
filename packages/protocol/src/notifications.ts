/**
 * Notifications (Chatwoot's `notifications`): what tells an agent that something needs them.
 * Chatwoot's type names where it has one; `snoozed_conversation_reopened` is ours (Chatwoot's
 * snooze ends silently).
 */
import type { ConversationStatus, MessageType } from './enums';

export const NOTIFICATION_TYPES = [
  'conversation_assignment',
  'conversation_mention',
  'assigned_conversation_new_message',
  'snoozed_conversation_reopened',
] as const;
export type NotificationType = (typeof NOTIFICATION_TYPES)[number];

/** Chatwoot's page size of the notification list. */
export const NOTIFICATIONS_PER_PAGE = 15;

/** The conversation a notification is about (Chatwoot's `primary_actor`, trimmed). */
export interface NotificationConversation {
  /** The conversation's display id, as everywhere in the API. */
  id: number;
  inbox_id: number;
  status: ConversationStatus;
  meta: { sender: { id: number; name: string | null } };
}

/** The message that caused it (`secondary_actor`), when one did. */
export interface NotificationMessage {
  id: number;
  content: string | null;
  message_type: MessageType;
  private: boolean;
  created_at: number;
  sender: { id: number; name: string | null; type: 'user' | 'contact' } | null;
}

export interface NotificationUser {
  id: number;
  name: string;
  available_name: string;
  type: 'user';
}

export interface Notification {
  id: number;
  account_id: number;
  notification_type: NotificationType;
  /** Chatwoot's English title; the dashboard words it in the reader's language. */
  push_message_title: string;
  primary_actor_type: 'Conversation';
  /** The conversation's internal id (Chatwoot's); `primary_actor.id` is its display id. */
  primary_actor_id: number;
  primary_actor: NotificationConversation;
  secondary_actor: NotificationMessage | null;
  user: NotificationUser;
  /** Unix seconds; null while unread. */
  read_at: number | null;
  created_at: number;
  last_activity_at: number;
}

export interface NotificationList {
  data: {
    meta: { unread_count: number; count: number; current_page: number };
    payload: Notification[];
  };
}

/**
 * A mention as Chatwoot stores it in a note's content: `[@Name](mention://user/ID/Name)`, the
 * last part URI-encoded. Only the id counts; the names are what the note shows.
 */
export const MENTION_PATTERN =
  /\[@([^\]\n]{0,255})\]\(mention:\/\/user\/(\d{1,12})\/([^)\s]{0,1024})\)/g;

/** The mention of `user` to write into a note. */
export function mentionMarkup(user: { id: number; name: string }): string {
  const label = user.name.replace(/[[\]\n]/g, ' ').trim();
  const encoded = encodeURIComponent(user.name).replace(/[()]/g, (c) =>
    c === '(' ? '%28' : '%29',
  );
  return `[@${label}](mention://user/${user.id}/${encoded})`;
}

/** The ids of the users a note mentions, each once, in order. */
export function mentionedUserIds(content: string | null): number[] {
  if (!content) return [];
  const ids = new Set<number>();
  for (const match of content.matchAll(MENTION_PATTERN)) ids.add(Number(match[2]));
  return [...ids];
}

export type MentionPart =
  { kind: 'text'; text: string } | { kind: 'mention'; userId: number; name: string };

/** A note's content cut into text and mentions, for showing mentions as chips. */
export function splitMentions(content: string): MentionPart[] {
  const parts: MentionPart[] = [];
  let last = 0;
  for (const match of content.matchAll(MENTION_PATTERN)) {
    const at = match.index ?? 0;
    if (at > last) parts.push({ kind: 'text', text: content.slice(last, at) });
    parts.push({ kind: 'mention', userId: Number(match[2]), name: match[1] ?? '' });
    last = at + match[0].length;
  }
  if (last < content.length) parts.push({ kind: 'text', text: content.slice(last) });
  return parts;
}

/** The content with mentions as `@Name` (titles, previews, browser notifications). */
export const plainMentions = (content: string): string =>
  splitMentions(content)
    .map((part) => (part.kind === 'text' ? part.text : `@${part.name}`))
    .join('');
