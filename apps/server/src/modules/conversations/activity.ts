import {
  activityEnglish,
  MESSAGE_TYPES,
  type ActivityActor,
  type ConversationActivity,
  type ConversationPriority,
  type ConversationStatus,
} from '@bevatel/protocol';
import type { Kysely } from 'kysely';
import { displayName, type Caller } from '../../core/caller';
import type { ConversationChange } from '../../presenters/conversation-change';
import type { ConversationRow, Database } from '../../db/schema';

/** Who an activity says did it: the agent, or the app acting for them. */
export const activityActor = (caller: Pick<Caller, 'user' | 'app'>): ActivityActor =>
  caller.app
    ? { name: displayName(caller.user), app: caller.app.title }
    : { name: displayName(caller.user) };

/**
 * The system lines (message_type 2) written beside conversation changes, as structures: stored
 * in content_attributes.activity for the dashboard to word in the reader's language, with
 * Chatwoot's English (protocol's activityEnglish) as the content API clients read.
 */
export const activityText = {
  status: (status: ConversationStatus, by: ActivityActor): ConversationActivity => ({
    kind: 'status',
    status,
    by,
  }),
  assigned: (assignee: string, by: ActivityActor, self: boolean): ConversationActivity => ({
    kind: 'assigned',
    assignee,
    self,
    by,
  }),
  unassigned: (by: ActivityActor): ConversationActivity => ({ kind: 'unassigned', by }),
  teamAssigned: (team: string, by: ActivityActor): ConversationActivity => ({
    kind: 'team_assigned',
    team,
    by,
  }),
  teamUnassigned: (team: string | null, by: ActivityActor): ConversationActivity => ({
    kind: 'team_unassigned',
    team,
    by,
  }),
  labels: (
    verb: 'added' | 'removed',
    labels: string[],
    by: ActivityActor,
  ): ConversationActivity => ({
    kind: verb === 'added' ? 'labels_added' : 'labels_removed',
    labels,
    by,
  }),
  priority: (priority: ConversationPriority | null, by: ActivityActor): ConversationActivity => ({
    kind: 'priority',
    priority,
    by,
  }),
  muted: (muted: boolean, by: ActivityActor): ConversationActivity => ({
    kind: muted ? 'muted' : 'unmuted',
    by,
  }),
};

/** What an activity row stores: Chatwoot's English `content`, and the structure beside it. */
export const activityColumns = (what: ConversationActivity) => ({
  content: activityEnglish(what),
  content_attributes: JSON.stringify({ activity: what }),
});

/**
 * Writes an activity message for `conversation` (inside the command's transaction) and answers
 * its `message.created` change.
 */
export async function insertActivity(
  trx: Kysely<Database>,
  conversation: Pick<ConversationRow, 'id' | 'account_id' | 'inbox_id'>,
  what: ConversationActivity,
  now: number,
): Promise<ConversationChange> {
  const message = await trx
    .insertInto('messages')
    .values({
      account_id: conversation.account_id,
      inbox_id: conversation.inbox_id,
      conversation_id: conversation.id,
      ...activityColumns(what),
      message_type: MESSAGE_TYPES.activity,
      content_type: 'text',
      private: 0,
      status: 'sent',
      source_id: null,
      sender_type: null,
      sender_id: null,
      created_at: now,
      updated_at: now,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  return { event: 'message.created', message };
}
