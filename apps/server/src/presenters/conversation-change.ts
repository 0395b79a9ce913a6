import type { Conversation } from '@bevatel/protocol';
import type { Kysely } from 'kysely';
import { publishEvent, type CoreEvent } from '../core/commands';
import type { ConversationRow, Database, MessageRow } from '../db/schema';
import { loadConversationRelations, presentConversation } from './conversation';
import { loadMessageSenders, presentMessage, type PresentedMessage } from './message';
import { visitorEvents } from './visitor';

export type ConversationEventName =
  | 'conversation.created'
  | 'conversation.updated'
  | 'conversation.status_changed'
  | 'assignee.changed'
  | 'conversation.read';

/** One thing a command did to a conversation, in the order its events go out. */
export type ConversationChange =
  | { event: 'message.created' | 'message.updated'; message: MessageRow; echoId?: string }
  | { event: ConversationEventName };

export interface PresentedChange {
  /** The conversation as the command left it: when an event carries it, or when asked. */
  conversation: Conversation | null;
  messages: Map<number, PresentedMessage>;
  /** Addressed to the conversation's inbox, for `runCommand` to deliver after the commit. */
  events: CoreEvent[];
}

/**
 * Presents what a command changed, inside its transaction, from the rows it already holds (the
 * conversation as updated, the messages as written): nothing is read again after the commit,
 * and the answer and the events are the same objects. Messages and the conversation share one
 * load of their senders.
 */
export async function presentChange(
  db: Kysely<Database>,
  row: ConversationRow,
  changes: readonly ConversationChange[],
  options: { conversation?: boolean } = {},
): Promise<PresentedChange> {
  const messageRows = changes.flatMap((c) => ('message' in c ? [c.message] : []));
  const wantsConversation =
    options.conversation === true || changes.some((change) => !('message' in change));
  let conversation: Conversation | null = null;
  let senders;
  if (wantsConversation) {
    // The last message this command created is the conversation's newest (it holds the lock;
    // a retried create answers without presenting the conversation).
    const created = changes.flatMap((c) => (c.event === 'message.created' ? [c.message] : []));
    const newest = created.reduce<MessageRow | undefined>(
      (latest, m) => (latest && latest.id > m.id ? latest : m),
      undefined,
    );
    const relations = await loadConversationRelations(db, [row], messageRows, newest);
    conversation = presentConversation(row, relations);
    senders = relations.senders;
  } else {
    senders = await loadMessageSenders(
      db,
      messageRows,
      undefined,
      new Map([[row.id, row.display_id]]),
    );
  }
  const messages = new Map<number, PresentedMessage>();
  for (const change of changes) {
    if ('message' in change) {
      messages.set(change.message.id, presentMessage(change.message, senders, change.echoId));
    }
  }
  const audience = { accountId: row.account_id, inboxId: row.inbox_id };
  const events = changes.map((change) => {
    if ('message' in change) {
      const message = messages.get(change.message.id)!;
      return publishEvent(audience, { event: change.event, data: message });
    }
    return publishEvent(audience, { event: change.event, data: conversation! });
  });
  // A website visitor hears their own conversation on their own socket.
  events.push(...(await visitorEvents(db, row, changes, messages)));
  return { conversation, messages, events };
}
