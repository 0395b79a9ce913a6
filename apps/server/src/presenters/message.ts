import type {
  Attachment,
  AvailabilityStatus,
  Contact,
  ContentType,
  Message,
  MessageSender,
  MessageStatus,
  MessageType,
  SenderType,
} from '@bevatel/protocol';
import type { Kysely } from 'kysely';
import type { Database, MemberUserRow, MessageRow } from '../db/schema';
import { parseJsonObject } from '../lib/json';
import { toSecondsOrZero } from '../lib/time';
import { availabilityStatus, thumbnailOf } from './agent';
import { loadAttachments } from './attachment';
import { presentContact } from './contact';
import { gather } from '../core/gather';

/** A presented message; `echo_id` is the client's own id, handed back on the create answer. */
export type PresentedMessage = Message & { echo_id?: string };

/** The senders a batch of messages refers to, and their conversations' display ids, loaded once. */
export interface MessageSenders {
  contacts: Map<number, Contact>;
  users: Map<number, MemberUserRow>;
  /** Conversation row id → the per-account number agents see (what `conversation_id` means). */
  displayIds: Map<number, number>;
  /** Message id → its files (absent: none). */
  attachments: Map<number, Attachment[]>;
}

const EMPTY_ADDITIONAL = (): MessageSender['additional_attributes'] => ({
  description: null,
  company_name: null,
  social_profiles: { github: null, twitter: null, facebook: null, linkedin: null },
});

/** An agent as a message sender: the documented sender fields, `type: "user"`. */
export function presentUserSender(user: MemberUserRow): MessageSender & {
  availability_status: AvailabilityStatus;
} {
  return {
    id: user.id,
    name: user.name,
    available_name: user.display_name || user.name,
    email: user.email,
    phone_number: null,
    identifier: null,
    thumbnail: thumbnailOf(user),
    additional_attributes: EMPTY_ADDITIONAL(),
    custom_attributes: {},
    availability_status: availabilityStatus(user, user),
    type: 'user',
  };
}

export function presentContactSender(contact: Contact): MessageSender {
  return { ...contact, type: 'contact' };
}

function senderOf(row: MessageRow, senders: MessageSenders): MessageSender | null {
  if (row.sender_id == null) return null;
  if (row.sender_type === 'Contact') {
    const contact = senders.contacts.get(row.sender_id);
    return contact ? presentContactSender(contact) : null;
  }
  if (row.sender_type === 'User') {
    const user = senders.users.get(row.sender_id);
    return user ? presentUserSender(user) : null;
  }
  return null;
}

export function presentMessage(
  row: MessageRow,
  senders: MessageSenders,
  echoId?: string,
): PresentedMessage {
  const message: PresentedMessage = {
    id: row.id,
    content: row.content,
    inbox_id: row.inbox_id,
    conversation_id: senders.displayIds.get(row.conversation_id) ?? row.conversation_id,
    account_id: row.account_id,
    message_type: row.message_type as MessageType,
    content_type: row.content_type as ContentType,
    content_attributes: parseJsonObject(row.content_attributes),
    created_at: toSecondsOrZero(row.created_at),
    private: row.private === 1,
    status: row.status as MessageStatus,
    source_id: row.source_id,
    sender_type: (row.sender_type as SenderType | null) ?? null,
    sender_id: row.sender_id,
    sender: senderOf(row, senders),
  };
  const attachments = senders.attachments.get(row.id);
  // As on Chatwoot, the key is there only when the message has files.
  if (attachments) message.attachments = attachments;
  if (echoId !== undefined) message.echo_id = echoId;
  return message;
}

/**
 * Loads every sender the rows name, the display ids of their conversations and the messages'
 * attachments, in at most four queries. `known` holds contacts the caller has already presented (a conversation's own
 * contact) and `knownDisplayIds` conversations it holds, so they are not fetched again.
 */
export async function loadMessageSenders(
  db: Kysely<Database>,
  rows: readonly MessageRow[],
  known: ReadonlyMap<number, Contact> = new Map(),
  knownDisplayIds: ReadonlyMap<number, number> = new Map(),
): Promise<MessageSenders> {
  const displayIds = new Map(knownDisplayIds);
  const conversationIds = [
    ...new Set(rows.map((row) => row.conversation_id).filter((id) => !displayIds.has(id))),
  ];
  const contacts = new Map<number, Contact>();
  const contactIds = new Set<number>();
  const userIds = new Set<number>();
  for (const row of rows) {
    if (row.sender_id == null) continue;
    if (row.sender_type === 'Contact') {
      const already = known.get(row.sender_id);
      if (already) contacts.set(row.sender_id, already);
      else contactIds.add(row.sender_id);
    } else if (row.sender_type === 'User') userIds.add(row.sender_id);
  }
  const [contactRows, userRows, conversationRows, attachments] = await gather(
    db,
    async () =>
      contactIds.size
        ? db
            .selectFrom('contacts')
            .selectAll()
            .where('id', 'in', [...contactIds])
            .execute()
        : [],
    async () =>
      userIds.size
        ? db
            .selectFrom('users')
            // Availability is per account; a sender who has left the account shows offline.
            .leftJoin('account_users', (join) =>
              join
                .onRef('account_users.user_id', '=', 'users.id')
                .on('account_users.account_id', '=', rows[0]?.account_id ?? 0),
            )
            .selectAll('users')
            .select((eb) => [
              eb.fn.coalesce('account_users.availability', eb.val('offline')).as('availability'),
              eb.fn.coalesce('account_users.auto_offline', eb.val(0)).as('auto_offline'),
            ])
            .where('users.id', 'in', [...userIds])
            .execute()
        : [],
    async () =>
      conversationIds.length
        ? db
            .selectFrom('conversations')
            .select(['id', 'display_id'])
            .where('id', 'in', conversationIds)
            .execute()
        : [],
    () =>
      loadAttachments(
        db,
        rows.map((row) => row.id),
      ),
  );
  for (const row of conversationRows) displayIds.set(row.id, row.display_id);
  for (const row of contactRows) contacts.set(row.id, presentContact(row));
  return {
    contacts,
    users: new Map(userRows.map((user) => [user.id, user])),
    displayIds,
    attachments,
  };
}

export async function presentMessages(
  db: Kysely<Database>,
  rows: readonly MessageRow[],
  known?: ReadonlyMap<number, Contact>,
  knownDisplayIds?: ReadonlyMap<number, number>,
): Promise<PresentedMessage[]> {
  const senders = await loadMessageSenders(db, rows, known, knownDisplayIds);
  return rows.map((row) => presentMessage(row, senders));
}
