import appContextSchema from '@bevatel/protocol/app-context.schema.json';
/** Helpers for the conversations and messages API tests (not a test file itself). */
import type { Conversation, RealtimeEnvelope } from '@bevatel/protocol';
import { Ajv2020 } from 'ajv/dist/2020.js';
import type { FastifyInstance } from 'fastify';
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema';
import { request, type AsUser } from './app';
import { insertConversation, insertInbox } from './factories';
import type { World } from './fixtures';

export async function insertLabels(
  db: Kysely<Database>,
  accountId: number,
  titles: string[],
): Promise<void> {
  await db
    .insertInto('labels')
    .values(
      titles.map((title) => ({
        account_id: accountId,
        title,
        description: null,
        color: '#1f93ff',
        show_on_sidebar: 1,
        created_at: Date.now(),
      })),
    )
    .execute();
}

export async function insertTeam(
  db: Kysely<Database>,
  accountId: number,
  name: string,
  memberIds: number[] = [],
): Promise<number> {
  const team = await db
    .insertInto('teams')
    .values({
      account_id: accountId,
      name,
      description: null,
      allow_auto_assign: 1,
      created_at: Date.now(),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  if (memberIds.length) {
    await db
      .insertInto('team_members')
      .values(memberIds.map((user_id) => ({ team_id: team.id, user_id })))
      .execute();
  }
  return team.id;
}

/** Records every envelope published on the app's bus until `stop()`. */
export function recordEvents(app: FastifyInstance) {
  const events: RealtimeEnvelope[] = [];
  const stop = app.realtimeBus.subscribe((message) => events.push(message.envelope));
  return {
    events,
    names: () => events.map((e) => e.event),
    clear: () => events.splice(0, events.length),
    stop,
  };
}

export const conversationsUrl = (world: World, path = '') =>
  `/api/v1/accounts/${world.accountId}/conversations${path}`;

/** Opens a conversation through the API (as the admin unless told) and returns its JSON. */
export async function openConversation(
  app: FastifyInstance,
  world: World,
  body: Record<string, unknown> = {},
  as: AsUser = world.admin,
): Promise<Conversation> {
  const res = await request(app, 'POST', conversationsUrl(world), {
    as,
    body: { inbox_id: world.apiInboxId, contact_id: world.contactId, ...body },
  });
  if (res.statusCode !== 200) throw new Error(`open conversation: ${res.statusCode} ${res.body}`);
  return res.json();
}

/** A validator for the appContext message: the product document's schema, from protocol. */
export function appContextValidator() {
  return new Ajv2020({ allErrors: true, strict: false }).compile(appContextSchema as object);
}

/** A conversation row in one of the world's inboxes; returns its display id. */
export async function fixtureConversation(
  app: FastifyInstance,
  world: World,
  inbox: 'api' | 'web' = 'api',
): Promise<number> {
  const id = await insertConversation(app.db, {
    account_id: world.accountId,
    inbox_id: inbox === 'api' ? world.apiInboxId : world.widgetInboxId,
    contact_id: world.contactId,
  });
  const row = await app.db
    .selectFrom('conversations')
    .select('display_id')
    .where('id', '=', id)
    .executeTakeFirstOrThrow();
  return row.display_id;
}

let foreignDisplayId = 1_900_000_000;

/**
 * A conversation of the other account, numbered so that the world's account has no
 * conversation with that display id: asking for it in our account must find nothing.
 */
export async function foreignConversation(app: FastifyInstance, world: World): Promise<number> {
  const inbox = await insertInbox(app.db, world.otherAccountId);
  foreignDisplayId += 1;
  await insertConversation(app.db, {
    account_id: world.otherAccountId,
    inbox_id: inbox,
    contact_id: world.otherAccountContactId,
    display_id: foreignDisplayId,
  });
  return foreignDisplayId;
}

/** A message in the conversation `displayId` of the world's account; returns its id. */
export async function fixtureMessage(
  app: FastifyInstance,
  world: World,
  displayId: number,
  senderUserId: number = world.admin.id,
): Promise<number> {
  const conversation = await app.db
    .selectFrom('conversations')
    .select(['id', 'inbox_id'])
    .where('account_id', '=', world.accountId)
    .where('display_id', '=', displayId)
    .executeTakeFirstOrThrow();
  const now = Date.now();
  const row = await app.db
    .insertInto('messages')
    .values({
      account_id: world.accountId,
      inbox_id: conversation.inbox_id,
      conversation_id: conversation.id,
      content: 'fixture message',
      message_type: 1,
      content_type: 'text',
      content_attributes: '{}',
      private: 0,
      status: 'sent',
      source_id: null,
      sender_type: 'User',
      sender_id: senderUserId,
      created_at: now,
      updated_at: now,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}
