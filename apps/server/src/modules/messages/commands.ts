import type { ContentType, JsonObject, MessageTypeName } from '@bevatel/protocol';
import { MESSAGE_TYPES } from '@bevatel/protocol';
import type { ConversationUpdate } from '../../db/schema';
import { forbidden, invalid, notFound } from '../../lib/errors';
import { parseJsonObject } from '../../lib/json';
import { nowMs } from '../../lib/time';
import { isAdmin, type Actor } from '../conversations/actor';
import {
  attributesText,
  withConversation,
  type CommandDeps,
} from '../conversations/commands/shared';
import type { Committed, PendingEvent } from '../conversations/events';

/** What a deleted message reads as; its content_attributes also say `deleted: true`. */
export const DELETED_CONTENT = 'This message was deleted';

export interface CreateMessageInput {
  content: string;
  message_type?: Extract<MessageTypeName, 'outgoing' | 'incoming' | 'activity'>;
  private?: boolean;
  content_type?: ContentType;
  content_attributes?: JsonObject;
  echo_id?: string;
  source_id?: string;
}

/**
 * Who may write which kind of message: agents reply (outgoing, or a private note); scripts
 * authenticated with api_access_token may inject the customer's side (incoming) into API
 * inboxes, and system lines (activity).
 */
function checkKind(actor: Actor, channel: string, input: CreateMessageInput): void {
  const kind = input.message_type ?? 'outgoing';
  if (kind === 'incoming') {
    if (!actor.viaToken || channel !== 'Channel::Api') {
      throw invalid(
        'message_type',
        'incoming messages can only be created with an api_access_token in an API inbox',
      );
    }
  }
  if (kind === 'activity' && !actor.viaToken) {
    throw invalid('message_type', 'activity messages can only be created with an api_access_token');
  }
  if (kind !== 'outgoing' && input.private) {
    throw invalid('private', 'only outgoing messages can be private notes');
  }
  if (input.content.trim().length === 0) throw invalid('content', 'content must not be blank');
}

/**
 * Writes a message and what it means for the conversation, in one transaction: activity
 * time, waiting_since (set by the customer, cleared by a reply), first reply time, the
 * contact's activity, and reopening a resolved or snoozed conversation on a customer message.
 */
export function createMessage(
  deps: CommandDeps,
  actor: Actor,
  displayId: number,
  input: CreateMessageInput,
): Promise<Committed & { messageId: number }> {
  const attributes = attributesText(input.content_attributes ?? {}, 'content_attributes');
  return withConversation(deps, actor, displayId, async (trx, conversation) => {
    const inbox = await trx
      .selectFrom('inboxes')
      .select('channel_type')
      .where('id', '=', conversation.inbox_id)
      .executeTakeFirstOrThrow();
    checkKind(actor, inbox.channel_type, input);
    const kind = input.message_type ?? 'outgoing';
    const isPrivate = kind === 'outgoing' && input.private === true;
    const now = nowMs();
    const sender =
      kind === 'incoming'
        ? { sender_type: 'Contact', sender_id: conversation.contact_id }
        : kind === 'outgoing'
          ? { sender_type: 'User', sender_id: actor.user.id }
          : { sender_type: null, sender_id: null };
    const message = await trx
      .insertInto('messages')
      .values({
        account_id: conversation.account_id,
        inbox_id: conversation.inbox_id,
        conversation_id: conversation.id,
        content: input.content,
        message_type: MESSAGE_TYPES[kind],
        content_type: input.content_type ?? 'text',
        content_attributes: attributes,
        private: isPrivate ? 1 : 0,
        status: 'sent',
        source_id: input.source_id ?? null,
        ...sender,
        created_at: now,
        updated_at: now,
      })
      .returning('id')
      .executeTakeFirstOrThrow();

    const changes: ConversationUpdate = { updated_at: now };
    let reopened = false;
    if (kind !== 'activity') changes.last_activity_at = now;
    if (kind === 'incoming') {
      if (conversation.waiting_since === null) changes.waiting_since = now;
      if (conversation.status === 'resolved' || conversation.status === 'snoozed') {
        changes.status = 'open';
        changes.snoozed_until = null;
        reopened = true;
      }
      await trx
        .updateTable('contacts')
        .set({ last_activity_at: now })
        .where('id', '=', conversation.contact_id)
        .execute();
    }
    if (kind === 'outgoing' && !isPrivate) {
      changes.waiting_since = null;
      if (conversation.first_reply_created_at === null) changes.first_reply_created_at = now;
    }
    await trx.updateTable('conversations').set(changes).where('id', '=', conversation.id).execute();

    const events: PendingEvent[] = [
      { event: 'message.created', messageId: message.id, echoId: input.echo_id },
      { event: reopened ? 'conversation.status_changed' : 'conversation.updated' },
    ];
    return { conversation, events, messageId: message.id };
  });
}

/**
 * Deletes a message the Chatwoot way: the row stays, its content is replaced and
 * content_attributes say `deleted: true`. Only its sender or an administrator may.
 */
export function deleteMessage(
  deps: CommandDeps,
  actor: Actor,
  displayId: number,
  messageId: number,
): Promise<Committed & { messageId: number }> {
  return withConversation(deps, actor, displayId, async (trx, conversation) => {
    const message = await trx
      .selectFrom('messages')
      .selectAll()
      .where('id', '=', messageId)
      .where('conversation_id', '=', conversation.id)
      .executeTakeFirst();
    if (!message) throw notFound('Message');
    const ownMessage = message.sender_type === 'User' && message.sender_id === actor.user.id;
    if (!ownMessage && !isAdmin(actor)) {
      throw forbidden('Only the message’s sender or an administrator can delete it');
    }
    const attributes = parseJsonObject(message.content_attributes);
    if (attributes.deleted === true) return { conversation, events: [], messageId };
    await trx
      .updateTable('messages')
      .set({
        content: DELETED_CONTENT,
        content_attributes: JSON.stringify({ ...attributes, deleted: true }),
        updated_at: nowMs(),
      })
      .where('id', '=', message.id)
      .execute();
    return { conversation, events: [{ event: 'message.updated', messageId }], messageId };
  });
}
