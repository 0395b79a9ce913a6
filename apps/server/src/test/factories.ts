/**
 * Rows inserted straight into the database for tests that need more than `createWorld` gives
 * (a conversation to relabel, a fresh contact to delete). Each returns the new id.
 */
import { randomUUID } from 'node:crypto';
import type { Insertable, Kysely } from 'kysely';
import type { ContactsTable, ConversationsTable, Database } from '../db/schema';
import { accessTokenColumns } from '../lib/access-tokens';
import { TEST_SECRET_KEY_BASE } from './keys';

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

let sequence = 0;
/** A short suffix unique within the test process, for names that must not repeat. */
export const unique = (prefix: string): string => {
  sequence += 1;
  return `${prefix}-${process.pid}-${sequence}`;
};

/** A user who is a member of the account with the given role. */
export async function insertAgent(
  db: Db,
  accountId: number,
  role: 'administrator' | 'agent' = 'agent',
): Promise<{ id: number; email: string; access_token: string }> {
  const now = Date.now();
  const email = `${unique('agent')}@factory.test`;
  const access_token = `${unique('token')}-${randomUUID()}`;
  const user = await db
    .insertInto('users')
    .values({
      name: email,
      display_name: null,
      email,
      // Not a usable hash: factory users sign in with their access token only.
      password_hash: 'scrypt$disabled',
      ...accessTokenColumns(access_token, TEST_SECRET_KEY_BASE),
      avatar_url: null,
      ui_settings: '{}',
      created_at: now,
      updated_at: now,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await db
    .insertInto('account_users')
    .values({
      account_id: accountId,
      user_id: user.id,
      role,
      auto_offline: 1,
      availability: 'online',
      created_at: now,
    })
    .execute();
  return { id: user.id, email, access_token };
}

export async function insertInbox(
  db: Db,
  accountId: number,
  channelType = 'Channel::Api',
): Promise<number> {
  const row = await db
    .insertInto('inboxes')
    .values({
      account_id: accountId,
      name: unique('inbox'),
      channel_type: channelType,
      greeting_message: null,
      created_at: Date.now(),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function insertTeam(db: Db, accountId: number): Promise<number> {
  const row = await db
    .insertInto('teams')
    .values({
      account_id: accountId,
      name: unique('team'),
      description: null,
      allow_auto_assign: 1,
      created_at: Date.now(),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function insertLabel(db: Db, accountId: number): Promise<number> {
  const row = await db
    .insertInto('labels')
    .values({
      account_id: accountId,
      title: unique('label'),
      description: null,
      color: '#1f93ff',
      show_on_sidebar: 1,
      created_at: Date.now(),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export interface FixtureVisitor {
  contactId: number;
  contactInboxId: number;
  sourceId: string;
  pubsubToken: string;
}

/** A website visitor of a widget inbox (what POST …/contacts makes), written directly. */
export async function insertVisitor(
  db: Db,
  accountId: number,
  inboxId: number,
  name: string | null = null,
): Promise<FixtureVisitor> {
  const contactId = await insertContact(db, accountId, { name });
  const sourceId = randomUUID();
  const pubsubToken = randomUUID().replaceAll('-', '');
  const row = await db
    .insertInto('contact_inboxes')
    .values({
      contact_id: contactId,
      inbox_id: inboxId,
      source_id: sourceId,
      pubsub_token: pubsubToken,
      hmac_verified: 0,
      created_at: Date.now(),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return { contactId, contactInboxId: row.id, sourceId, pubsubToken };
}

/** A conversation of that visitor, with its display id. */
export async function insertVisitorConversation(
  db: Db,
  accountId: number,
  inboxId: number,
  visitor: FixtureVisitor,
): Promise<{ id: number; displayId: number }> {
  const id = await insertConversation(db, {
    account_id: accountId,
    inbox_id: inboxId,
    contact_id: visitor.contactId,
    contact_inbox_id: visitor.contactInboxId,
  });
  const row = await db
    .selectFrom('conversations')
    .select('display_id')
    .where('id', '=', id)
    .executeTakeFirstOrThrow();
  return { id, displayId: row.display_id };
}
