/**
 * Who is told about a command's changes, decided in one place: `runCommand` hands every
 * command's events here inside the command's own transaction (as it does to the webhook
 * outbox), so a notification commits or rolls back with its cause. The rules:
 *
 * - conversation_assignment: the assignee, when someone else assigned them (the activity line
 *   the assignment writes says whether it was a self-assignment);
 * - conversation_mention: each agent mentioned in a private note who may see the conversation,
 *   never its writer;
 * - assigned_conversation_new_message: the assignee, on a customer's message;
 * - snoozed_conversation_reopened: the assignee, when a snooze ended (the system reopened it).
 *
 * Each notification goes, after the commit, to its person's own sockets only.
 */
import {
  MESSAGE_TYPES,
  mentionedUserIds,
  readActivity,
  type Conversation,
  type ConversationActivity,
  type Message,
  type NotificationType,
} from '@bevatel/protocol';
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema';
import { nowMs } from '../lib/time';
import { presentNotifications } from '../presenters/notification';
import { publishEvent, type CoreEvent } from './commands';
import { canSeeInbox, loadGrants } from './visibility';

interface Draft {
  accountId: number;
  displayId: number;
  userId: number;
  type: NotificationType;
  messageId: number | null;
}

const keyOf = (accountId: number, displayId: number) => `${accountId}:${displayId}`;

/** What one command did, per conversation, read from its events. */
interface Seen {
  accountId: number;
  displayId: number;
  conversation: Conversation | null;
  conversationEvents: Set<string>;
  activities: ConversationActivity[];
  messages: Message[];
}

function gather(events: readonly CoreEvent[]): Map<string, Seen> {
  const seen = new Map<string, Seen>();
  const at = (accountId: number, displayId: number): Seen => {
    const key = keyOf(accountId, displayId);
    let entry = seen.get(key);
    if (!entry) {
      entry = {
        accountId,
        displayId,
        conversation: null,
        conversationEvents: new Set(),
        activities: [],
        messages: [],
      };
      seen.set(key, entry);
    }
    return entry;
  };
  for (const item of events) {
    // Visitors' copies and account-wide events say nothing new.
    if (item.kind !== 'publish' || item.audience.contactInboxId !== undefined) continue;
    const { accountId } = item.audience;
    const { event } = item.event;
    if (event === 'message.created') {
      const message = item.event.data;
      const entry = at(accountId, message.conversation_id);
      if (message.message_type === MESSAGE_TYPES.activity) {
        const activity = readActivity(message.content_attributes);
        if (activity) entry.activities.push(activity);
      } else {
        entry.messages.push(message);
      }
    } else if (
      event === 'assignee.changed' ||
      event === 'conversation.created' ||
      event === 'conversation.updated' ||
      event === 'conversation.status_changed'
    ) {
      const entry = at(accountId, item.event.data.id);
      entry.conversation = item.event.data;
      entry.conversationEvents.add(event);
    }
  }
  return seen;
}

/** The notifications a conversation's changes call for (mentions still to be checked). */
function draftsOf(entry: Seen): { drafts: Draft[]; mentions: Draft[] } {
  const drafts: Draft[] = [];
  const mentions: Draft[] = [];
  const assigneeId = entry.conversation?.meta.assignee?.id ?? null;
  const base = { accountId: entry.accountId, displayId: entry.displayId };
  const { conversationEvents: events, activities } = entry;
  if (
    assigneeId !== null &&
    (events.has('assignee.changed') || events.has('conversation.created')) &&
    activities.some((a) => a.kind === 'assigned' && !a.self)
  ) {
    drafts.push({ ...base, userId: assigneeId, type: 'conversation_assignment', messageId: null });
  }
  if (
    assigneeId !== null &&
    events.has('conversation.status_changed') &&
    entry.conversation?.status === 'open' &&
    activities.some((a) => a.kind === 'status' && a.status === 'open' && a.by.system === true)
  ) {
    drafts.push({
      ...base,
      userId: assigneeId,
      type: 'snoozed_conversation_reopened',
      messageId: null,
    });
  }
  for (const message of entry.messages) {
    if (message.message_type === MESSAGE_TYPES.incoming && assigneeId !== null) {
      drafts.push({
        ...base,
        userId: assigneeId,
        type: 'assigned_conversation_new_message',
        messageId: message.id,
      });
    }
    if (message.private && message.sender_type === 'User') {
      for (const userId of mentionedUserIds(message.content)) {
        if (userId === message.sender_id) continue;
        mentions.push({ ...base, userId, type: 'conversation_mention', messageId: message.id });
      }
    }
  }
  return { drafts, mentions };
}

/**
 * Writes the notifications `events` call for and answers their `notification.created`
 * events. Reads nothing when no event can notify anyone (most commands).
 */
export async function recordNotifications(
  trx: Kysely<Database>,
  events: readonly CoreEvent[],
): Promise<CoreEvent[]> {
  const drafts: Draft[] = [];
  const mentions: Draft[] = [];
  for (const entry of gather(events).values()) {
    const found = draftsOf(entry);
    drafts.push(...found.drafts);
    mentions.push(...found.mentions);
  }
  if (drafts.length === 0 && mentions.length === 0) return [];

  const conversations = new Map<string, { id: number; inbox_id: number }>();
  for (const accountId of new Set([...drafts, ...mentions].map((d) => d.accountId))) {
    const displayIds = [...drafts, ...mentions]
      .filter((d) => d.accountId === accountId)
      .map((d) => d.displayId);
    const rows = await trx
      .selectFrom('conversations')
      .select(['id', 'inbox_id', 'display_id'])
      .where('account_id', '=', accountId)
      .where('display_id', 'in', [...new Set(displayIds)])
      .execute();
    for (const row of rows) conversations.set(keyOf(accountId, row.display_id), row);
  }
  // A mention tells only members who may see the conversation (an unknown id tells no one).
  for (const accountId of new Set(mentions.map((d) => d.accountId))) {
    const ofAccount = mentions.filter((d) => d.accountId === accountId);
    const grants = await loadGrants(
      trx,
      accountId,
      ofAccount.map((d) => d.userId),
    );
    for (const draft of ofAccount) {
      const grant = grants.get(draft.userId);
      const conversation = conversations.get(keyOf(accountId, draft.displayId));
      if (grant && conversation && canSeeInbox(grant, conversation.inbox_id)) drafts.push(draft);
    }
  }
  const unique = new Map<string, Draft>();
  for (const draft of drafts) {
    const key = `${draft.accountId}:${draft.displayId}:${draft.userId}:${draft.type}:${draft.messageId}`;
    if (conversations.has(keyOf(draft.accountId, draft.displayId))) unique.set(key, draft);
  }
  if (unique.size === 0) return [];
  const now = nowMs();
  const rows = await trx
    .insertInto('notifications')
    .values(
      [...unique.values()].map((draft) => ({
        account_id: draft.accountId,
        user_id: draft.userId,
        notification_type: draft.type,
        primary_actor_type: 'Conversation',
        primary_actor_id: conversations.get(keyOf(draft.accountId, draft.displayId))!.id,
        secondary_actor_type: draft.messageId === null ? null : 'Message',
        secondary_actor_id: draft.messageId,
        read_at: null,
        created_at: now,
        updated_at: now,
      })),
    )
    .returningAll()
    .execute();
  const presented = await presentNotifications(trx, rows);
  return presented.map((notification) =>
    publishEvent(
      {
        accountId: notification.account_id,
        inboxId: notification.primary_actor.inbox_id,
        userId: notification.user.id,
      },
      { event: 'notification.created', data: notification },
    ),
  );
}
