import type { Kysely, SelectQueryBuilder } from 'kysely';
import { invalid } from '../../lib/errors';
import type { Database } from '../../db/schema';
import { MEMBERSHIP_COLUMNS, toAgentRecord, type AgentRecord } from '../../presenters/agent';

function agentsQuery(db: Kysely<Database>, accountId: number) {
  return db
    .selectFrom('account_users')
    .innerJoin('users', 'users.id', 'account_users.user_id')
    .selectAll('users')
    .select(MEMBERSHIP_COLUMNS)
    .where('account_users.account_id', '=', accountId);
}

/** Every member of the account, by name. */
export async function listAgents(db: Kysely<Database>, accountId: number): Promise<AgentRecord[]> {
  const rows = await agentsQuery(db, accountId).orderBy('users.name').orderBy('users.id').execute();
  return rows.map(toAgentRecord);
}

export async function findAgent(
  db: Kysely<Database>,
  accountId: number,
  userId: number,
): Promise<AgentRecord | undefined> {
  const row = await agentsQuery(db, accountId).where('users.id', '=', userId).executeTakeFirst();
  return row ? toAgentRecord(row) : undefined;
}

/** The given users who are members of the account, by name (for inbox and team members). */
export async function agentsByIds(
  db: Kysely<Database>,
  accountId: number,
  userIds: readonly number[],
): Promise<AgentRecord[]> {
  return userIds.length === 0 ? [] : agentsAmong(db, accountId, [...userIds]);
}

/**
 * The users `userIds` lists or selects (e.g. the members of one inbox or of one team) who are
 * still members of the account, by name.
 */
export async function agentsAmong<T extends keyof Database>(
  db: Kysely<Database>,
  accountId: number,
  userIds: number[] | SelectQueryBuilder<Database, T, { user_id: number }>,
): Promise<AgentRecord[]> {
  const rows = await agentsQuery(db, accountId)
    .where('users.id', 'in', userIds)
    .orderBy('users.name')
    .orderBy('users.id')
    .execute();
  return rows.map(toAgentRecord);
}

export async function countAdministrators(
  db: Kysely<Database>,
  accountId: number,
): Promise<number> {
  const row = await db
    .selectFrom('account_users')
    .select((eb) => eb.fn.countAll<number>().as('count'))
    .where('account_id', '=', accountId)
    .where('role', '=', 'administrator')
    .executeTakeFirstOrThrow();
  return Number(row.count);
}

/** Throws a 422 naming `field` unless every id is a member of the account. */
export async function assertAccountMembers(
  db: Kysely<Database>,
  accountId: number,
  userIds: readonly number[],
  field = 'user_ids',
): Promise<void> {
  if (userIds.length === 0) return;
  const rows = await db
    .selectFrom('account_users')
    .select('user_id')
    .where('account_id', '=', accountId)
    .where('user_id', 'in', [...userIds])
    .execute();
  const members = new Set(rows.map((row) => row.user_id));
  const strangers = userIds.filter((id) => !members.has(id));
  if (strangers.length > 0) {
    throw invalid(field, `Not agents of this account: ${strangers.join(', ')}`);
  }
}
