import type { Message, PublicContact, PublicConversation, PublicMessage } from '@bevatel/protocol';
import type { ContactRow, ConversationRow } from '../db/schema';
import { toSecondsOrZero } from '../lib/time';
import type { CoreEvent } from '../core/commands';
import { publishEvent } from '../core/commands';
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema';
import type { ConversationChange } from './conversation-change';
import type { PresentedMessage } from './message';

/** The contact inbox a visitor holds (its keys), as the public API presents it. */
export interface VisitorContactInbox {
  id: number;
  contact_id: number;
  source_id: string;
  pubsub_token: string;
  hmac_verified: number;
}

export function presentPublicContact(
  contact: ContactRow,
  contactInbox: VisitorContactInbox,
): PublicContact {
  return {
    id: contact.id,
    source_id: contactInbox.source_id,
    pubsub_token: contactInbox.pubsub_token,
    name: contact.name,
    email: contact.email,
    phone_number: contact.phone_number,
    identifier: contactInbox.hmac_verified === 1 ? contact.identifier : null,
    hmac_verified: contactInbox.hmac_verified === 1,
  };
}

/**
 * A message as a visitor sees it: no private notes (callers drop them), and of an agent only
 * the name and avatar, never the e-mail or other contact fields.
 */
export function toPublicMessage(message: Message & { echo_id?: string }): PublicMessage {
  const sender = message.sender;
  const out: PublicMessage = {
    id: message.id,
    content: message.content,
    message_type: message.message_type,
    content_type: message.content_type,
    content_attributes: message.content_attributes,
    created_at: message.created_at,
    conversation_id: message.conversation_id,
    sender: sender
      ? {
          id: sender.id,
          name: sender.available_name ?? sender.name ?? '',
          type: sender.type === 'contact' ? 'contact' : 'user',
          avatar_url: sender.thumbnail || null,
        }
      : null,
  };
  if (message.echo_id !== undefined) out.echo_id = message.echo_id;
  // The customer sees the files agents send them (notes never reach this presenter).
  if (message.attachments) out.attachments = message.attachments;
  return out;
}

/** Private notes and system lines (which name agents and teams) stay on the agents’ side. */
export const isVisibleToVisitor = (message: Pick<Message, 'private' | 'message_type'>): boolean =>
  !message.private && message.message_type !== 2;

export function presentPublicConversation(
  row: ConversationRow,
  contact: ContactRow,
  messages: readonly Message[],
): PublicConversation {
  return {
    id: row.display_id,
    inbox_id: row.inbox_id,
    status: row.status,
    contact_last_seen_at: toSecondsOrZero(row.contact_last_seen_at),
    agent_last_seen_at: toSecondsOrZero(row.agent_last_seen_at),
    messages: messages.filter(isVisibleToVisitor).map(toPublicMessage),
    contact: { id: contact.id, name: contact.name, email: contact.email },
  };
}

/**
 * What a website visitor's socket hears of a change to their conversation: its messages
 * (never private notes or system lines) and status changes, addressed to the contact inbox
 * (the hub gives those to that visitor's sockets only, never to agents).
 */
export async function visitorEvents(
  db: Kysely<Database>,
  row: ConversationRow,
  changes: readonly ConversationChange[],
  messages: ReadonlyMap<number, PresentedMessage>,
): Promise<CoreEvent[]> {
  if (row.contact_inbox_id === null) return [];
  const relevant = changes.filter(
    (c) => 'message' in c || c.event === 'conversation.status_changed',
  );
  if (relevant.length === 0) return [];
  const widget = await db
    .selectFrom('web_widgets')
    .select('id')
    .where('inbox_id', '=', row.inbox_id)
    .executeTakeFirst();
  if (!widget) return [];
  const audience = {
    accountId: row.account_id,
    inboxId: row.inbox_id,
    contactInboxId: row.contact_inbox_id,
  };
  return relevant.flatMap((change): CoreEvent[] => {
    if ('message' in change) {
      const message = messages.get(change.message.id);
      if (!message || !isVisibleToVisitor(message)) return [];
      const event =
        change.event === 'message.created' ? 'visitor.message.created' : 'visitor.message.updated';
      return [publishEvent(audience, { event, data: toPublicMessage(message) })];
    }
    return [
      publishEvent(audience, {
        event: 'visitor.conversation.status_changed',
        data: { id: row.display_id, status: row.status },
      }),
    ];
  });
}
