import type { Kysely } from 'kysely';
import type { Database, TeamRow } from '../../db/schema';
import { agentsAmong } from '../agents';
import type { AgentRecord } from '../../presenters/agent';

export interface TeamWithMembership {
  team: TeamRow;
  isMember: boolean;
}

/** The account's teams by name, each saying whether `userId` belongs to it. */
export async function listTeams(
  db: Kysely<Database>,
  accountId: number,
  userId: number,
  teamId?: number,
): Promise<TeamWithMembership[]> {
  let query = db
    .selectFrom('teams')
    .leftJoin('team_members', (join) =>
      join.onRef('team_members.team_id', '=', 'teams.id').on('team_members.user_id', '=', userId),
    )
    .selectAll('teams')
    .select('team_members.user_id as member_id')
    .where('teams.account_id', '=', accountId);
  if (teamId !== undefined) query = query.where('teams.id', '=', teamId);
  const rows = await query.orderBy('teams.name').orderBy('teams.id').execute();
  return rows.map(({ member_id, ...team }) => ({ team, isMember: member_id !== null }));
}

export async function findTeam(
  db: Kysely<Database>,
  accountId: number,
  teamId: number,
  userId: number,
): Promise<TeamWithMembership | undefined> {
  const [row] = await listTeams(db, accountId, userId, teamId);
  return row;
}

/** Members of a team who still belong to its account, by name. */
export function listTeamMembers(
  db: Kysely<Database>,
  accountId: number,
  teamId: number,
): Promise<AgentRecord[]> {
  const members = db.selectFrom('team_members').select('user_id').where('team_id', '=', teamId);
  return agentsAmong(db, accountId, members);
}
