import type { Kysely } from 'kysely';
import type { DialectName } from '../../db/dialect';
import type { ConversationRow, Database } from '../../db/schema';
import { notFound } from '../../lib/errors';
import { isAdmin, type Actor } from './actor';

/**
 * Inboxes whose conversations the actor may see: null means all of the account's
 * (administrators); agents see only the inboxes they are members of.
 */
export async function visibleInboxIds(
  db: Kysely<Database>,
  actor: Actor,
): Promise<number[] | null> {
  if (isAdmin(actor)) return null;
  const rows = await db
    .selectFrom('inbox_members')
    .innerJoin('inboxes', 'inboxes.id', 'inbox_members.inbox_id')
    .select('inbox_members.inbox_id')
    .where('inbox_members.user_id', '=', actor.user.id)
    .where('inboxes.account_id', '=', actor.account.id)
    .execute();
  return rows.map((row) => row.inbox_id);
}

export async function canSeeInbox(
  db: Kysely<Database>,
  actor: Actor,
  inboxId: number,
): Promise<boolean> {
  if (isAdmin(actor)) return true;
  const row = await db
    .selectFrom('inbox_members')
    .select('inbox_id')
    .where('inbox_id', '=', inboxId)
    .where('user_id', '=', actor.user.id)
    .executeTakeFirst();
  return row !== undefined;
}

/**
 * The conversation `displayId` of the actor's account, if the actor may see it. Other
 * accounts' conversations and those of inboxes the agent is not in are "not found" alike.
 * Inside a transaction on PostgreSQL the row is locked until commit (`forUpdate`).
 */
export async function findVisibleConversation(
  db: Kysely<Database>,
  actor: Actor,
  displayId: number,
  lock: { dialect: DialectName } | null = null,
): Promise<ConversationRow> {
  const row = await db
    .selectFrom('conversations')
    .selectAll()
    .where('account_id', '=', actor.account.id)
    .where('display_id', '=', displayId)
    .$if(lock?.dialect === 'postgres', (qb) => qb.forUpdate())
    .executeTakeFirst();
  if (!row || !(await canSeeInbox(db, actor, row.inbox_id))) throw notFound('Conversation');
  return row;
}
