import type { Kysely } from 'kysely';
import type { Database } from '../db/schema';
import { hashPassword } from '../lib/passwords';
import { randomToken } from '../lib/tokens';
import { accessTokenColumns } from '../lib/access-tokens';
import { TEST_SECRET_KEY_BASE } from './keys';
import { sealHmacToken } from '../lib/widget-tokens';

/** The world's website widget: its public keys and identity-verification secret. */
export const WORLD_WIDGET = {
  websiteToken: 'world-website-token',
  inboxIdentifier: 'worldwebsiteinbox',
  hmacToken: 'world-hmac-secret-0123456789abcdef',
} as const;

export const FIXTURE_PASSWORD = 'correct horse battery staple';
let passwordHash: Promise<string> | null = null;

export interface FixtureUser {
  id: number;
  email: string;
  access_token: string;
}

export interface World {
  accountId: number;
  otherAccountId: number;
  admin: FixtureUser;
  /** Agent and member of `apiInboxId`. */
  agent: FixtureUser;
  /** Agent of the account who belongs to no inbox. */
  outsider: FixtureUser;
  /** Administrator of the other account only. */
  stranger: FixtureUser;
  apiInboxId: number;
  widgetInboxId: number;
  contactId: number;
  otherAccountContactId: number;
}

async function insertUser(db: Kysely<Database>, name: string, email: string): Promise<FixtureUser> {
  passwordHash ??= hashPassword(FIXTURE_PASSWORD);
  const now = Date.now();
  const access_token = randomToken();
  const row = await db
    .insertInto('users')
    .values({
      name,
      email,
      password_hash: await passwordHash,
      ...accessTokenColumns(access_token, TEST_SECRET_KEY_BASE),
      ui_settings: '{}',
      created_at: now,
      updated_at: now,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return { id: row.id, email, access_token };
}

async function insertAccount(db: Kysely<Database>, name: string): Promise<number> {
  const row = await db
    .insertInto('accounts')
    .values({ name, locale: 'en', created_at: Date.now() })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

async function addMember(db: Kysely<Database>, accountId: number, userId: number, role: string) {
  await db
    .insertInto('account_users')
    .values({
      account_id: accountId,
      user_id: userId,
      role,
      auto_offline: 1,
      availability: 'online',
      created_at: Date.now(),
    })
    .execute();
}

async function insertInbox(db: Kysely<Database>, accountId: number, name: string, channel: string) {
  const row = await db
    .insertInto('inboxes')
    .values({
      account_id: accountId,
      name,
      channel_type: channel,
      greeting_message: null,
      created_at: Date.now(),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

async function insertContact(db: Kysely<Database>, accountId: number, name: string, email: string) {
  const now = Date.now();
  const row = await db
    .insertInto('contacts')
    .values({
      account_id: accountId,
      name,
      email,
      phone_number: '+966500000001',
      identifier: null,
      thumbnail: null,
      additional_attributes: JSON.stringify({
        description: 'VIP customer',
        company_name: 'Acme',
        social_profiles: { github: 'sara', twitter: '', facebook: '', linkedin: '' },
      }),
      custom_attributes: JSON.stringify({ plan: 'gold' }),
      last_activity_at: now,
      created_at: now,
      updated_at: now,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/** Two accounts, their people, inboxes and contacts: the world every API test starts from. */
export async function createWorld(db: Kysely<Database>): Promise<World> {
  const accountId = await insertAccount(db, 'Acme Support');
  const otherAccountId = await insertAccount(db, 'Other Co');
  const admin = await insertUser(db, 'Amira Admin', 'admin@acme.test');
  const agent = await insertUser(db, 'Omar Agent', 'agent@acme.test');
  const outsider = await insertUser(db, 'Lina Outsider', 'outsider@acme.test');
  const stranger = await insertUser(db, 'Sam Stranger', 'admin@other.test');
  await addMember(db, accountId, admin.id, 'administrator');
  await addMember(db, accountId, agent.id, 'agent');
  await addMember(db, accountId, outsider.id, 'agent');
  await addMember(db, otherAccountId, stranger.id, 'administrator');
  const apiInboxId = await insertInbox(db, accountId, 'API', 'Channel::Api');
  const widgetInboxId = await insertInbox(db, accountId, 'Website', 'Channel::WebWidget');
  await db
    .insertInto('web_widgets')
    .values({
      account_id: accountId,
      inbox_id: widgetInboxId,
      website_token: WORLD_WIDGET.websiteToken,
      inbox_identifier: WORLD_WIDGET.inboxIdentifier,
      website_url: 'https://shop.test/',
      welcome_title: 'Hi there',
      welcome_tagline: null,
      out_of_office_message: null,
      hmac_token_sealed: sealHmacToken(WORLD_WIDGET.hmacToken, widgetInboxId, TEST_SECRET_KEY_BASE),
      created_at: Date.now(),
      updated_at: Date.now(),
    })
    .execute();
  await db
    .insertInto('inbox_members')
    .values({ inbox_id: apiInboxId, user_id: agent.id })
    .execute();
  const contactId = await insertContact(db, accountId, 'Sara Customer', 'sara@customer.test');
  const otherAccountContactId = await insertContact(
    db,
    otherAccountId,
    'Other Person',
    'x@other.test',
  );
  return {
    accountId,
    otherAccountId,
    admin,
    agent,
    outsider,
    stranger,
    apiInboxId,
    widgetInboxId,
    contactId,
    otherAccountContactId,
  };
}
