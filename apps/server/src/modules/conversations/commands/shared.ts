import type { JsonObject } from '@bevatel/protocol';
import type { Kysely } from 'kysely';
import type { DialectName } from '../../../db/dialect';
import type { ConversationRow, Database, UserRow } from '../../../db/schema';
import { invalid } from '../../../lib/errors';
import type { Actor } from '../actor';
import { findVisibleConversation } from '../policy';

/** What commands need from the app: the database and which dialect it speaks. */
export interface CommandDeps {
  db: Kysely<Database>;
  dialect: DialectName;
}

/** Largest attributes document (as JSON text) a conversation stores. */
export const MAX_ATTRIBUTES_BYTES = 16 * 1024;

/** Serializes an attributes document, refusing oversized ones with a 422 naming `field`. */
export function attributesText(value: JsonObject, field: string): string {
  const text = JSON.stringify(value);
  if (Buffer.byteLength(text, 'utf8') > MAX_ATTRIBUTES_BYTES) {
    throw invalid(field, `${field} must be at most ${MAX_ATTRIBUTES_BYTES} bytes of JSON`);
  }
  return text;
}

/**
 * Runs `work` in a transaction on the conversation the actor may see, read again inside the
 * transaction (and row-locked on PostgreSQL) so concurrent commands apply one after another.
 */
export function withConversation<T>(
  deps: CommandDeps,
  actor: Actor,
  displayId: number,
  work: (trx: Kysely<Database>, conversation: ConversationRow) => Promise<T>,
): Promise<T> {
  return deps.db.transaction().execute(async (trx) => {
    const conversation = await findVisibleConversation(trx, actor, displayId, {
      dialect: deps.dialect,
    });
    return work(trx, conversation);
  });
}

export interface EligibleAssignee {
  user: UserRow;
  role: string;
  auto_offline: number;
}

/**
 * An agent who may be assigned a conversation of `inboxId`: a member of the account who is a
 * member of that inbox; administrators are always eligible.
 */
export async function eligibleAssignee(
  db: Kysely<Database>,
  accountId: number,
  inboxId: number,
  userId: number,
): Promise<EligibleAssignee> {
  const row = await db
    .selectFrom('users')
    .innerJoin('account_users', 'account_users.user_id', 'users.id')
    .selectAll('users')
    .select(['account_users.role', 'account_users.auto_offline'])
    .where('account_users.account_id', '=', accountId)
    .where('users.id', '=', userId)
    .executeTakeFirst();
  if (!row) throw invalid('assignee_id', 'assignee_id is not an agent of this account');
  const { role, auto_offline, ...user } = row;
  if (role !== 'administrator') {
    const member = await db
      .selectFrom('inbox_members')
      .select('user_id')
      .where('inbox_id', '=', inboxId)
      .where('user_id', '=', userId)
      .executeTakeFirst();
    if (!member) {
      throw invalid('assignee_id', 'assignee_id is not a member of this conversation’s inbox');
    }
  }
  return { user, role, auto_offline };
}

export async function teamOfAccount(db: Kysely<Database>, accountId: number, teamId: number) {
  const team = await db
    .selectFrom('teams')
    .selectAll()
    .where('id', '=', teamId)
    .where('account_id', '=', accountId)
    .executeTakeFirst();
  if (!team) throw invalid('team_id', 'team_id is not a team of this account');
  return team;
}
