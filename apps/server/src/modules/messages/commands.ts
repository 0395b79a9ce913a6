import type { ContentType, JsonObject, MessageTypeName } from '@bevatel/protocol';
import { MESSAGE_TYPES } from '@bevatel/protocol';
import { isAdmin, type Caller } from '../../core/caller';
import { outcome, runCommand, type CoreDeps, type Outcome, type Tx } from '../../core/commands';
import { documentText } from '../../core/documents';
import { findVisibleConversation } from '../../core/visibility';
import type { ConversationRow, ConversationUpdate } from '../../db/schema';
import { isUniqueViolation } from '../../lib/db-errors';
import { forbidden, invalid, notFound } from '../../lib/errors';
import { parseJsonObject } from '../../lib/json';
import { nowMs } from '../../lib/time';
import { presentChange } from '../../presenters/conversation-change';
import type { PresentedMessage } from '../../presenters/message';
import {
  deleteAttachmentsOf,
  insertAttachments,
  withStoredUploads,
  type AttachmentDeps,
  type StoredUpload,
  type Upload,
} from '../attachments';
import { findRetried } from './idempotency';

/** Largest content_attributes document (as JSON text) a message stores. */
export const MAX_CONTENT_ATTRIBUTES_BYTES = 16 * 1024;

/** What a deleted message reads as; its content_attributes also say `deleted: true`. */
export const DELETED_CONTENT = 'This message was deleted';

export interface CreateMessageInput {
  /** Absent or empty only when the message carries files. */
  content?: string;
  message_type?: Extract<MessageTypeName, 'outgoing' | 'incoming' | 'activity'>;
  private?: boolean;
  content_type?: ContentType;
  content_attributes?: JsonObject;
  echo_id?: string;
  source_id?: string;
  /** Files already in the attachment storage (see `withStoredUploads`). */
  attachments?: readonly StoredUpload[];
}

/**
 * Who may write which kind of message: agents reply (outgoing, or a private note); scripts
 * authenticated with api_access_token may inject the customer's side (incoming) into API
 * inboxes, and system lines (activity).
 */
function checkKind(caller: Caller, channel: string, input: CreateMessageInput): void {
  const kind = input.message_type ?? 'outgoing';
  if (kind === 'incoming') {
    if (!caller.viaToken || channel !== 'Channel::Api') {
      throw invalid(
        'message_type',
        'incoming messages can only be created with an api_access_token in an API inbox',
      );
    }
  }
  // System lines speak for the product ("Omar resolved the conversation"): only an
  // administrator's script may add them, never an agent or a browser session.
  if (kind === 'activity' && (!caller.viaToken || !isAdmin(caller))) {
    throw invalid(
      'message_type',
      'activity messages can only be created by an administrator with an api_access_token',
    );
  }
  if (kind !== 'outgoing' && input.private) {
    throw invalid('private', 'only outgoing messages can be private notes');
  }
  const hasFiles = (input.attachments?.length ?? 0) > 0;
  if (!hasFiles && (input.content ?? '').trim().length === 0) {
    throw invalid('content', 'content must not be blank');
  }
  if (hasFiles && kind === 'activity') {
    throw invalid('attachments', 'activity messages carry no attachments');
  }
}

/**
 * Writes a message and what it means for the conversation, in one transaction: activity
 * time, waiting_since (set by the customer, cleared by a reply), first reply time, the
 * contact's activity, and reopening a resolved or snoozed conversation on a customer message.
 * Answers the message as presented (with the client's `echo_id`).
 *
 * Idempotent on `echo_id` and `source_id` within the conversation: a retry (the first answer
 * lost to a cut connection or a crash) gets the first message back, nothing is written or
 * published again. The conversation is locked while this runs, and a unique index catches a
 * retry racing past that (see `sendMessage`).
 */
export async function createMessage(
  tx: Tx,
  caller: Caller,
  displayId: number,
  input: CreateMessageInput,
): Promise<Outcome<PresentedMessage>> {
  const attributes = documentText(
    input.content_attributes ?? {},
    'content_attributes',
    MAX_CONTENT_ATTRIBUTES_BYTES,
  );
  const conversation = await findVisibleConversation(tx.db, caller, displayId, tx.dialect);
  const inbox = await tx.db
    .selectFrom('inboxes')
    .select('channel_type')
    .where('id', '=', conversation.inbox_id)
    .executeTakeFirstOrThrow();
  checkKind(caller, inbox.channel_type, input);
  const kind = input.message_type ?? 'outgoing';
  const sender =
    kind === 'incoming'
      ? { sender_type: 'Contact', sender_id: conversation.contact_id }
      : kind === 'outgoing'
        ? { sender_type: 'User', sender_id: caller.user.id }
        : { sender_type: null, sender_id: null };
  return appendMessage(tx, conversation, { ...input, kind, sender, attributes });
}

/** A message about to be written, its kind and sender decided by who asks. */
export interface AppendedMessage extends CreateMessageInput {
  kind: Extract<MessageTypeName, 'outgoing' | 'incoming' | 'activity'>;
  sender: { sender_type: string | null; sender_id: number | null };
  /** content_attributes as stored JSON text (checked for size). */
  attributes: string;
}

/**
 * Writes the message into a conversation the command has read (and locked), with what it
 * means for the conversation; shared by agents' and website visitors' messages.
 */
export async function appendMessage(
  tx: Tx,
  conversation: ConversationRow,
  input: AppendedMessage,
): Promise<Outcome<PresentedMessage>> {
  const { kind, sender, attributes } = input;
  const isPrivate = kind === 'outgoing' && input.private === true;
  const now = nowMs();
  const intended = {
    // A message of files only has no text, as on Chatwoot.
    content: input.content ? input.content : null,
    message_type: MESSAGE_TYPES[kind],
    private: isPrivate ? 1 : 0,
    ...sender,
  };
  const earlier = await findRetried(tx.db, conversation.id, input, intended);
  if (earlier) {
    // Answered as it was the first time (with its echo_id); no event goes out again.
    const echoId = earlier.echo_id ?? undefined;
    const { messages } = await presentChange(tx.db, conversation, [
      { event: 'message.created', message: earlier, echoId },
    ]);
    return outcome(messages.get(earlier.id)!);
  }
  const message = await tx.db
    .insertInto('messages')
    .values({
      account_id: conversation.account_id,
      inbox_id: conversation.inbox_id,
      conversation_id: conversation.id,
      ...intended,
      content_type: input.content_type ?? 'text',
      content_attributes: attributes,
      status: 'sent',
      source_id: input.source_id ?? null,
      echo_id: input.echo_id ?? null,
      created_at: now,
      updated_at: now,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  await insertAttachments(tx, message, input.attachments ?? []);

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
    await tx.db
      .updateTable('contacts')
      .set({ last_activity_at: now })
      .where('id', '=', conversation.contact_id)
      .execute();
  }
  if (kind === 'outgoing' && !isPrivate) {
    changes.waiting_since = null;
    if (conversation.first_reply_created_at === null) changes.first_reply_created_at = now;
  }
  const updated = await tx.db
    .updateTable('conversations')
    .set(changes)
    .where('id', '=', conversation.id)
    .returningAll()
    .executeTakeFirstOrThrow();

  const presented = await presentChange(tx.db, updated, [
    { event: 'message.created', message, echoId: input.echo_id },
    { event: reopened ? 'conversation.status_changed' : 'conversation.updated' },
  ]);
  return outcome(presented.messages.get(message.id)!, presented.events);
}

/**
 * Runs `createMessage`; when a concurrent retry of the same request won the race to the unique
 * (conversation, echo_id / source_id) index, runs it again, which then finds the first message.
 */
export async function sendMessage(
  deps: CoreDeps & AttachmentDeps,
  caller: Caller,
  displayId: number,
  input: CreateMessageInput,
  uploads: readonly Upload[] = [],
): Promise<PresentedMessage> {
  // Only someone who may write here gets files stored (then removed if the write fails).
  if (uploads.length > 0) await findVisibleConversation(deps.db, caller, displayId);
  return withStoredUploads(deps, caller.account.id, uploads, (attachments) =>
    sendOnce(deps, caller, displayId, { ...input, attachments }),
  );
}

async function sendOnce(
  deps: CoreDeps,
  caller: Caller,
  displayId: number,
  input: CreateMessageInput,
): Promise<PresentedMessage> {
  const run = async () =>
    (await runCommand(deps, (tx) => createMessage(tx, caller, displayId, input))).result;
  try {
    return await run();
  } catch (error) {
    if (!isUniqueViolation(error) || (!input.echo_id && !input.source_id)) throw error;
    return run();
  }
}

/**
 * Deletes a message the Chatwoot way: the row stays, its content is replaced and
 * content_attributes say `deleted: true`. Only its sender or an administrator may. Deleting it
 * again changes nothing and answers it as it stands.
 */
export async function deleteMessage(
  tx: Tx,
  caller: Caller,
  displayId: number,
  messageId: number,
): Promise<Outcome<PresentedMessage>> {
  const conversation = await findVisibleConversation(tx.db, caller, displayId, tx.dialect);
  const message = await tx.db
    .selectFrom('messages')
    .selectAll()
    .where('id', '=', messageId)
    .where('conversation_id', '=', conversation.id)
    .executeTakeFirst();
  if (!message) throw notFound('Message');
  const ownMessage = message.sender_type === 'User' && message.sender_id === caller.user.id;
  if (!ownMessage && !isAdmin(caller)) {
    throw forbidden('Only the message’s sender or an administrator can delete it');
  }
  const attributes = parseJsonObject(message.content_attributes);
  if (attributes.deleted === true) {
    const { messages } = await presentChange(tx.db, conversation, [
      { event: 'message.updated', message },
    ]);
    return outcome(messages.get(message.id)!);
  }
  await deleteAttachmentsOf(tx, message.id);
  const updated = await tx.db
    .updateTable('messages')
    .set({
      content: DELETED_CONTENT,
      content_attributes: JSON.stringify({ ...attributes, deleted: true }),
      updated_at: nowMs(),
    })
    .where('id', '=', message.id)
    .returningAll()
    .executeTakeFirstOrThrow();
  const presented = await presentChange(tx.db, conversation, [
    { event: 'message.updated', message: updated },
  ]);
  return outcome(presented.messages.get(message.id)!, presented.events);
}
