import type { Transaction } from 'kysely';
import type { Caller } from '../../core/caller';
import { outcome, type Outcome, type Tx } from '../../core/commands';
import type { Database, TeamRow } from '../../db/schema';
import { refusingDuplicates } from '../../lib/db-errors';
import { invalid, notFound } from '../../lib/errors';
import { nowMs } from '../../lib/time';
import { assertAccountMembers } from '../agents';

const duplicateName = () => invalid('name', 'A team with this name already exists');

/** A write whose unique constraint refuses a taken value with duplicateName(). */
const withUniqueName = <T>(work: () => Promise<T>): Promise<T> =>
  refusingDuplicates(work, duplicateName);

export interface TeamInput {
  name?: string;
  description?: string | null;
  allow_auto_assign?: boolean;
}

function columns(input: TeamInput) {
  return {
    ...(input.name !== undefined ? { name: input.name.trim() } : {}),
    ...(input.description !== undefined ? { description: input.description } : {}),
    ...(input.allow_auto_assign !== undefined
      ? { allow_auto_assign: input.allow_auto_assign ? 1 : 0 }
      : {}),
  };
}

export async function createTeam(
  tx: Tx,
  caller: Caller,
  input: TeamInput & { name: string },
): Promise<Outcome<TeamRow>> {
  return withUniqueName(async () =>
    outcome(
      await tx.db
        .insertInto('teams')
        .values({
          account_id: caller.account.id,
          name: input.name.trim(),
          description: input.description ?? null,
          allow_auto_assign: input.allow_auto_assign === false ? 0 : 1,
          created_at: nowMs(),
        })
        .returningAll()
        .executeTakeFirstOrThrow(),
    ),
  );
}

export async function updateTeam(
  tx: Tx,
  caller: Caller,
  teamId: number,
  input: TeamInput,
): Promise<Outcome<void>> {
  await assertTeam(tx.db, caller.account.id, teamId);
  const set = columns(input);
  if (Object.keys(set).length > 0) {
    await withUniqueName(() =>
      tx.db.updateTable('teams').set(set).where('id', '=', teamId).execute(),
    );
  }
  return outcome(undefined);
}

export async function deleteTeam(tx: Tx, caller: Caller, teamId: number): Promise<Outcome<void>> {
  const result = await tx.db
    .deleteFrom('teams')
    .where('account_id', '=', caller.account.id)
    .where('id', '=', teamId)
    .executeTakeFirst();
  if (Number(result.numDeletedRows) === 0) throw notFound('Team');
  return outcome(undefined);
}

async function assertTeam(trx: Transaction<Database>, accountId: number, teamId: number) {
  const team = await trx
    .selectFrom('teams')
    .select('id')
    .where('account_id', '=', accountId)
    .where('id', '=', teamId)
    .executeTakeFirst();
  if (!team) throw notFound('Team');
}

export type MembersChange = 'add' | 'replace' | 'remove';

/**
 * Changes a team's members: `add` (POST, returns who was added), `replace` (PATCH, the
 * whole list) or `remove` (DELETE). Returns the ids the caller should present.
 */
export async function changeTeamMembers(
  tx: Tx,
  caller: Caller,
  teamId: number,
  change: MembersChange,
  userIds: readonly number[],
): Promise<Outcome<number[]>> {
  const accountId = caller.account.id;
  const trx = tx.db;
  await assertTeam(trx, accountId, teamId);
  await assertAccountMembers(trx, accountId, userIds);
  const current = await trx
    .selectFrom('team_members')
    .select('user_id')
    .where('team_id', '=', teamId)
    .execute();
  const existing = new Set(current.map((row) => row.user_id));
  if (change === 'remove') {
    if (userIds.length > 0) {
      await trx
        .deleteFrom('team_members')
        .where('team_id', '=', teamId)
        .where('user_id', 'in', [...userIds])
        .execute();
    }
    return outcome([...existing].filter((id) => !userIds.includes(id)));
  }
  if (change === 'replace') {
    await trx.deleteFrom('team_members').where('team_id', '=', teamId).execute();
  }
  const toInsert = change === 'replace' ? [...userIds] : userIds.filter((id) => !existing.has(id));
  if (toInsert.length > 0) {
    await trx
      .insertInto('team_members')
      .values(toInsert.map((user_id) => ({ team_id: teamId, user_id })))
      .execute();
  }
  return outcome(toInsert);
}
