import type { Conversation, RealtimeEvent } from '@bevatel/protocol';
import type { FastifyInstance } from 'fastify';
import type { ConversationRow } from '../../db/schema';
import { presentMessages, type PresentedMessage } from '../messages/presenter';
import { presentConversationById } from './presenter';
import { gather } from './gather';

export type ConversationEventName =
  | 'conversation.created'
  | 'conversation.updated'
  | 'conversation.status_changed'
  | 'assignee.changed'
  | 'conversation.read';

/** An event a command queues; it is presented and published only after the commit. */
export type PendingEvent =
  | { event: 'message.created' | 'message.updated'; messageId: number; echoId?: string }
  | { event: ConversationEventName };

/** What a committed command hands to `deliver`. */
export interface Committed {
  conversation: Pick<ConversationRow, 'id' | 'account_id' | 'inbox_id'>;
  events: PendingEvent[];
}

export interface Delivered {
  /** The conversation as it is after the commit (presented when asked or when an event needs it). */
  conversation: Conversation | null;
  messages: Map<number, PresentedMessage>;
}

/**
 * Presents what a committed command changed and publishes its events, in order, to the
 * conversation's inbox audience. A bus failure is logged, never turned into a failed request:
 * the change is already committed.
 */
export async function deliver(
  app: FastifyInstance,
  committed: Committed,
  options: { presentConversation?: boolean } = {},
): Promise<Delivered> {
  const { conversation: target, events } = committed;
  const needsConversation =
    options.presentConversation === true || events.some((e) => !('messageId' in e));
  const messageIds = events.flatMap((e) => ('messageId' in e ? [e.messageId] : []));
  const echoIds = new Map(
    events.flatMap((e) =>
      'messageId' in e && e.echoId !== undefined ? [[e.messageId, e.echoId]] : [],
    ),
  );

  const [conversation, messageRows] = await gather(
    app.db,
    async () => (needsConversation ? presentConversationById(app.db, target.id) : null),
    async () =>
      messageIds.length
        ? app.db.selectFrom('messages').selectAll().where('id', 'in', messageIds).execute()
        : [],
  );
  const known = conversation
    ? new Map([[conversation.meta.sender.id, conversation.meta.sender]])
    : undefined;
  const messages = new Map<number, PresentedMessage>();
  for (const message of await presentMessages(app.db, messageRows, known)) {
    const echoId = echoIds.get(message.id);
    messages.set(message.id, echoId === undefined ? message : { ...message, echo_id: echoId });
  }

  const audience = { accountId: target.account_id, inboxId: target.inbox_id };
  for (const pending of events) {
    let event: RealtimeEvent | null = null;
    if ('messageId' in pending) {
      const message = messages.get(pending.messageId);
      if (message) event = { event: pending.event, data: message };
    } else if (conversation) {
      event = { event: pending.event, data: conversation };
    }
    if (!event) continue;
    try {
      await app.realtime.publish(audience, event);
    } catch (error) {
      app.log.error({ err: error, event: event.event }, 'realtime publish failed');
    }
  }
  return { conversation, messages };
}
