import type { Agent, Team } from '@bevatel/protocol';
import { displayName, type Caller } from '../../../core/caller';
import { outcome, type Outcome, type Tx } from '../../../core/commands';
import { nowMs } from '../../../lib/time';
import { presentAgent } from '../../../presenters/agent';
import { presentChange } from '../../../presenters/conversation-change';
import { activityActor, activityText, insertActivity } from '../activity';
import { eligibleAssignee, lockConversation, teamOfAccount, updateConversationRow } from './shared';

/** Assigns an agent (null unassigns); answers the assignee as Chatwoot does. */
export async function assignAgent(
  tx: Tx,
  caller: Caller,
  displayId: number,
  assigneeId: number | null,
): Promise<Outcome<Agent | null>> {
  const conversation = await lockConversation(tx, caller, displayId);
  const accountId = caller.account.id;
  const assignee =
    assigneeId === null
      ? null
      : await eligibleAssignee(tx.db, accountId, conversation.inbox_id, assigneeId);
  const agent = assignee ? presentAgent(assignee.user, assignee.membership) : null;
  if ((assignee?.user.id ?? null) === conversation.assignee_id) return outcome(agent);
  const now = nowMs();
  const updated = await updateConversationRow(tx, conversation, {
    assignee_id: assignee?.user.id ?? null,
    assignee_last_seen_at: null,
    updated_at: now,
  });
  const by = activityActor(caller);
  const text = assignee
    ? activityText.assigned(
        displayName(assignee.user),
        by,
        assignee.user.id === caller.user.id && !caller.app,
      )
    : activityText.unassigned(by);
  const activity = await insertActivity(tx.db, conversation, text, now);
  const { events } = await presentChange(tx.db, updated, [{ event: 'assignee.changed' }, activity]);
  return outcome(agent, events);
}

/** Hands the conversation to a team (null removes it); answers the team or null. */
export async function assignTeam(
  tx: Tx,
  caller: Caller,
  displayId: number,
  teamId: number | null,
): Promise<Outcome<Team | null>> {
  const conversation = await lockConversation(tx, caller, displayId);
  const accountId = caller.account.id;
  const team = teamId === null ? null : await teamOfAccount(tx.db, accountId, teamId);
  let presented: Team | null = null;
  if (team) {
    const member = await tx.db
      .selectFrom('team_members')
      .select('user_id')
      .where('team_id', '=', team.id)
      .where('user_id', '=', caller.user.id)
      .executeTakeFirst();
    presented = {
      id: team.id,
      name: team.name,
      description: team.description,
      allow_auto_assign: team.allow_auto_assign === 1,
      account_id: team.account_id,
      is_member: member !== undefined,
    };
  }
  if ((team?.id ?? null) === conversation.team_id) return outcome(presented);
  const previous =
    conversation.team_id === null
      ? null
      : await tx.db
          .selectFrom('teams')
          .select('name')
          .where('id', '=', conversation.team_id)
          .executeTakeFirst();
  const now = nowMs();
  const updated = await updateConversationRow(tx, conversation, {
    team_id: team?.id ?? null,
    updated_at: now,
  });
  const by = activityActor(caller);
  const text = team
    ? activityText.teamAssigned(team.name, by)
    : activityText.teamUnassigned(previous?.name ?? null, by);
  const activity = await insertActivity(tx.db, conversation, text, now);
  const { events } = await presentChange(tx.db, updated, [
    { event: 'conversation.updated' },
    activity,
  ]);
  return outcome(presented, events);
}
