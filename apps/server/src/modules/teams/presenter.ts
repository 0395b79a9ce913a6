import type { Team } from '@bevatel/protocol';
import type { TeamRow } from '../../db/schema';

export function presentTeam(row: TeamRow, isMember: boolean): Team {
  return {
    id: row.id,
    name: row.name,
    description: row.description,
    allow_auto_assign: row.allow_auto_assign === 1,
    account_id: row.account_id,
    is_member: isMember,
  };
}
