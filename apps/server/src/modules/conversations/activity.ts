import type { ConversationPriority, ConversationStatus } from '@bevatel/protocol';
import { MESSAGE_TYPES } from '@bevatel/protocol';
import type { Kysely } from 'kysely';
import type { ConversationRow, Database } from '../../db/schema';

/** The system lines (message_type 2) written beside conversation changes, Chatwoot's wording. */
export const activityText = {
  status(status: ConversationStatus, by: string): string {
    switch (status) {
      case 'resolved':
        return `Conversation was resolved by ${by}`;
      case 'open':
        return `Conversation was reopened by ${by}`;
      case 'pending':
        return `Conversation was marked as pending by ${by}`;
      case 'snoozed':
        return `Conversation was snoozed by ${by}`;
    }
  },
  assigned: (assignee: string, by: string, self: boolean) =>
    self ? `${by} self-assigned this conversation` : `Assigned to ${assignee} by ${by}`,
  unassigned: (by: string) => `Conversation unassigned by ${by}`,
  teamAssigned: (team: string, by: string) => `Assigned to ${team} team by ${by}`,
  teamUnassigned: (team: string, by: string) => `Unassigned from ${team} team by ${by}`,
  labelsAdded: (by: string, labels: string[]) => `${by} added ${labels.join(', ')}`,
  labelsRemoved: (by: string, labels: string[]) => `${by} removed ${labels.join(', ')}`,
  priority: (priority: ConversationPriority | null, by: string) =>
    priority ? `Priority set to ${priority} by ${by}` : `Priority removed by ${by}`,
  muted: (by: string) => `${by} has muted the conversation`,
  unmuted: (by: string) => `${by} has unmuted the conversation`,
};

/** Writes an activity message for `conversation` (inside the caller's transaction). */
export async function insertActivity(
  trx: Kysely<Database>,
  conversation: Pick<ConversationRow, 'id' | 'account_id' | 'inbox_id'>,
  content: string,
  now: number,
): Promise<number> {
  const row = await trx
    .insertInto('messages')
    .values({
      account_id: conversation.account_id,
      inbox_id: conversation.inbox_id,
      conversation_id: conversation.id,
      content,
      message_type: MESSAGE_TYPES.activity,
      content_type: 'text',
      content_attributes: '{}',
      private: 0,
      status: 'sent',
      source_id: null,
      sender_type: null,
      sender_id: null,
      created_at: now,
      updated_at: now,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}
