/**
 * Rows inserted straight into the database for tests that need more than `createWorld` gives
 * (a conversation to relabel, a fresh contact to delete). Each returns the new id.
 */
import { randomUUID } from 'node:crypto';
import type { Insertable, Kysely } from 'kysely';
import type { ContactsTable, ConversationsTable, Database } from '../db/schema';

type Db = Kysely<Database>;

export async function insertContact(
  db: Db,
  accountId: number,
  values: Partial<Insertable<ContactsTable>> = {},
): Promise<number> {
  const now = Date.now();
  const row = await db
    .insertInto('contacts')
    .values({
      account_id: accountId,
      name: null,
      email: null,
      phone_number: null,
      identifier: null,
      thumbnail: null,
      additional_attributes: '{}',
      custom_attributes: '{}',
      last_activity_at: null,
      created_at: now,
      updated_at: now,
      ...values,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/** A conversation numbered after the account's highest display id. */
export async function insertConversation(
  db: Db,
  values: Pick<Insertable<ConversationsTable>, 'account_id' | 'inbox_id' | 'contact_id'> &
    Partial<Insertable<ConversationsTable>>,
  labels: string[] = [],
): Promise<number> {
  const now = Date.now();
  const last = await db
    .selectFrom('conversations')
    .select((eb) => eb.fn.max('display_id').as('max'))
    .where('account_id', '=', values.account_id)
    .executeTakeFirst();
  const row = await db
    .insertInto('conversations')
    .values({
      display_id: Number(last?.max ?? 0) + 1,
      uuid: randomUUID(),
      contact_inbox_id: null,
      assignee_id: null,
      team_id: null,
      status: 'open',
      priority: null,
      snoozed_until: null,
      custom_attributes: '{}',
      additional_attributes: '{}',
      agent_last_seen_at: null,
      assignee_last_seen_at: null,
      contact_last_seen_at: null,
      last_activity_at: now,
      waiting_since: null,
      first_reply_created_at: null,
      muted: 0,
      created_at: now,
      updated_at: now,
      ...values,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  if (labels.length > 0) {
    await db
      .insertInto('conversation_labels')
      .values(labels.map((label) => ({ conversation_id: row.id, label })))
      .execute();
  }
  return row.id;
}

export async function conversationLabels(db: Db, conversationId: number): Promise<string[]> {
  const rows = await db
    .selectFrom('conversation_labels')
    .select('label')
    .where('conversation_id', '=', conversationId)
    .orderBy('label')
    .execute();
  return rows.map((row) => row.label);
}
