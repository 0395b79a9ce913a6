import type { Agent, Team } from '@bevatel/protocol';
import { nowMs } from '../../../lib/time';
import { presentAgent } from '../../agents/presenter';
import { displayName, type Actor } from '../actor';
import { activityText, insertActivity } from '../activity';
import type { Committed } from '../events';
import { eligibleAssignee, teamOfAccount, withConversation, type CommandDeps } from './shared';

/** Assigns an agent (null unassigns); answers the assignee as Chatwoot does. */
export function assignAgent(
  deps: CommandDeps,
  actor: Actor,
  displayId: number,
  assigneeId: number | null,
): Promise<Committed & { agent: Agent | null }> {
  return withConversation(deps, actor, displayId, async (trx, conversation) => {
    const accountId = actor.account.id;
    const assignee =
      assigneeId === null
        ? null
        : await eligibleAssignee(trx, accountId, conversation.inbox_id, assigneeId);
    const agent = assignee
      ? presentAgent(assignee.user, {
          account_id: accountId,
          role: assignee.role,
          auto_offline: assignee.auto_offline,
        })
      : null;
    if ((assignee?.user.id ?? null) === conversation.assignee_id) {
      return { conversation, agent, events: [] };
    }
    const now = nowMs();
    await trx
      .updateTable('conversations')
      .set({ assignee_id: assignee?.user.id ?? null, assignee_last_seen_at: null, updated_at: now })
      .where('id', '=', conversation.id)
      .execute();
    const by = displayName(actor.user);
    const text = assignee
      ? activityText.assigned(displayName(assignee.user), by, assignee.user.id === actor.user.id)
      : activityText.unassigned(by);
    const messageId = await insertActivity(trx, conversation, text, now);
    return {
      conversation,
      agent,
      events: [{ event: 'assignee.changed' }, { event: 'message.created', messageId }],
    };
  });
}

/** Hands the conversation to a team (null removes it); answers the team or null. */
export function assignTeam(
  deps: CommandDeps,
  actor: Actor,
  displayId: number,
  teamId: number | null,
): Promise<Committed & { team: Team | null }> {
  return withConversation(deps, actor, displayId, async (trx, conversation) => {
    const accountId = actor.account.id;
    const team = teamId === null ? null : await teamOfAccount(trx, accountId, teamId);
    let presented: Team | null = null;
    if (team) {
      const member = await trx
        .selectFrom('team_members')
        .select('user_id')
        .where('team_id', '=', team.id)
        .where('user_id', '=', actor.user.id)
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
    if ((team?.id ?? null) === conversation.team_id) {
      return { conversation, team: presented, events: [] };
    }
    const previous =
      conversation.team_id === null
        ? null
        : await trx
            .selectFrom('teams')
            .select('name')
            .where('id', '=', conversation.team_id)
            .executeTakeFirst();
    const now = nowMs();
    await trx
      .updateTable('conversations')
      .set({ team_id: team?.id ?? null, updated_at: now })
      .where('id', '=', conversation.id)
      .execute();
    const by = displayName(actor.user);
    const text = team
      ? activityText.teamAssigned(team.name, by)
      : activityText.teamUnassigned(previous?.name ?? 'the', by);
    const messageId = await insertActivity(trx, conversation, text, now);
    return {
      conversation,
      team: presented,
      events: [{ event: 'conversation.updated' }, { event: 'message.created', messageId }],
    };
  });
}
