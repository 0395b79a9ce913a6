import type { FastifyInstance } from 'fastify';
import type { Transaction } from 'kysely';
import type { Database, TeamRow } from '../../db/schema';
import { isUniqueViolation } from '../../lib/db-errors';
import { invalid, notFound } from '../../lib/errors';
import { nowMs } from '../../lib/time';
import { assertAccountMembers } from '../agents/queries';

type App = Pick<FastifyInstance, 'db' | 'dialect'>;

const duplicateName = () => invalid('name', 'A team with this name already exists');

/** Runs a write, turning the (account, name) unique constraint into a 422 on `name`. */
async function withUniqueName<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (isUniqueViolation(error)) throw duplicateName();
    throw error;
  }
}

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
  app: App,
  accountId: number,
  input: TeamInput & { name: string },
): Promise<TeamRow> {
  return withUniqueName(() =>
    app.db.transaction().execute((trx) =>
      trx
        .insertInto('teams')
        .values({
          account_id: accountId,
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
  app: App,
  accountId: number,
  teamId: number,
  input: TeamInput,
): Promise<void> {
  await withUniqueName(() =>
    app.db.transaction().execute(async (trx) => {
      await assertTeam(trx, accountId, teamId);
      const set = columns(input);
      if (Object.keys(set).length === 0) return;
      await trx.updateTable('teams').set(set).where('id', '=', teamId).execute();
    }),
  );
}

export async function deleteTeam(app: App, accountId: number, teamId: number): Promise<void> {
  await app.db.transaction().execute(async (trx) => {
    const result = await trx
      .deleteFrom('teams')
      .where('account_id', '=', accountId)
      .where('id', '=', teamId)
      .executeTakeFirst();
    if (Number(result.numDeletedRows) === 0) throw notFound('Team');
  });
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
  app: App,
  accountId: number,
  teamId: number,
  change: MembersChange,
  userIds: readonly number[],
): Promise<number[]> {
  return app.db.transaction().execute(async (trx) => {
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
      return [...existing].filter((id) => !userIds.includes(id));
    }
    if (change === 'replace') {
      await trx.deleteFrom('team_members').where('team_id', '=', teamId).execute();
    }
    const toInsert =
      change === 'replace' ? [...userIds] : userIds.filter((id) => !existing.has(id));
    if (toInsert.length > 0) {
      await trx
        .insertInto('team_members')
        .values(toInsert.map((user_id) => ({ team_id: teamId, user_id })))
        .execute();
    }
    return toInsert;
  });
}
