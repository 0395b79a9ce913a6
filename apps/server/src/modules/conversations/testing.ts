/** Helpers for the conversations and messages API tests (not a test file itself). */
import { readFileSync } from 'node:fs';
import type { Conversation, RealtimeEnvelope } from '@bevatel/protocol';
import { Ajv2020 } from 'ajv/dist/2020.js';
import type { FastifyInstance } from 'fastify';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema';
import { request, type AsUser } from '../../test/app';
import type { World } from '../../test/fixtures';

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

/**
 * A validator for the appContext message, from a copy of shared/seed/app-context.schema.json
 * kept beside this file (the repository must not depend on files outside it).
 */
export function appContextValidator() {
  const schema = JSON.parse(
    readFileSync(new URL('./app-context.schema.json', import.meta.url), 'utf8'),
  ) as object;
  return new Ajv2020({ allErrors: true, strict: false }).compile(schema);
}
