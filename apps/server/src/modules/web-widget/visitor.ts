/**
 * Who a public API request speaks for. The path names the inbox (`inbox_identifier`) and the
 * visitor (`contact_identifier`: the contact inbox's random source_id, which only that
 * visitor's browser holds). Nothing else identifies a visitor: a conversation is reachable
 * only through the contact inbox that opened it, so one visitor never reaches another's.
 */
import type { Kysely } from 'kysely';
import type { DialectName } from '../../db/dialect';
import type {
  ContactRow,
  ConversationRow,
  Database,
  InboxRow,
  WebWidgetRow,
} from '../../db/schema';
import { notFound } from '../../lib/errors';
import type { VisitorContactInbox } from '../../presenters/visitor';
import { widgetByInboxIdentifier } from './queries';

export interface WidgetInbox {
  widget: WebWidgetRow;
  inbox: InboxRow;
}

export type { VisitorContactInbox };

export interface Visitor extends WidgetInbox {
  contactInbox: VisitorContactInbox;
  contact: ContactRow;
}

export async function loadWidgetInbox(
  db: Kysely<Database>,
  inboxIdentifier: string,
): Promise<WidgetInbox> {
  const widget = await widgetByInboxIdentifier(db, inboxIdentifier);
  const inbox = widget
    ? await db
        .selectFrom('inboxes')
        .selectAll()
        .where('id', '=', widget.inbox_id)
        .executeTakeFirst()
    : undefined;
  if (!widget || !inbox) throw notFound('Inbox');
  return { widget, inbox };
}

export async function loadVisitor(
  db: Kysely<Database>,
  inboxIdentifier: string,
  sourceId: string,
): Promise<Visitor> {
  const { widget, inbox } = await loadWidgetInbox(db, inboxIdentifier);
  const contactInbox = await db
    .selectFrom('contact_inboxes')
    .select(['id', 'contact_id', 'source_id', 'pubsub_token', 'hmac_verified'])
    .where('inbox_id', '=', inbox.id)
    .where('source_id', '=', sourceId)
    .where('pubsub_token', 'is not', null)
    .executeTakeFirst();
  const contact = contactInbox
    ? await db
        .selectFrom('contacts')
        .selectAll()
        .where('id', '=', contactInbox.contact_id)
        .executeTakeFirst()
    : undefined;
  if (!contactInbox || !contact) throw notFound('Contact');
  return {
    widget,
    inbox,
    contactInbox: { ...contactInbox, pubsub_token: contactInbox.pubsub_token ?? '' },
    contact,
  };
}

/** The visitor's conversation by its display id (locked on PostgreSQL inside a transaction). */
export async function findVisitorConversation(
  db: Kysely<Database>,
  visitor: Visitor,
  displayId: number,
  lockFor?: DialectName,
): Promise<ConversationRow> {
  const row = await db
    .selectFrom('conversations')
    .selectAll()
    .where('account_id', '=', visitor.inbox.account_id)
    .where('display_id', '=', displayId)
    .where('contact_inbox_id', '=', visitor.contactInbox.id)
    .$if(lockFor === 'postgres', (qb) => qb.forUpdate())
    .executeTakeFirst();
  if (!row) throw notFound('Conversation');
  return row;
}
