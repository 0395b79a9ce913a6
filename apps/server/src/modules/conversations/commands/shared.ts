import type { Conversation, JsonObject } from '@bevatel/protocol';
import type { Kysely } from 'kysely';
import type { Caller } from '../../../core/caller';
import { outcome, type Outcome, type Tx } from '../../../core/commands';
import { documentText } from '../../../core/documents';
import { findVisibleConversation } from '../../../core/visibility';
import type { ConversationRow, Database } from '../../../db/schema';
import { invalid } from '../../../lib/errors';
import type { AgentRecord } from '../../../presenters/agent';
import { presentChange, type ConversationChange } from '../../../presenters/conversation-change';
import { findAgent } from '../../agents';

/** Largest attributes document (as JSON text) a conversation stores. */
export const MAX_ATTRIBUTES_BYTES = 16 * 1024;

/** Serializes an attributes document, refusing oversized ones with a 422 naming `field`. */
export const attributesText = (value: JsonObject, field: string): string =>
  documentText(value, field, MAX_ATTRIBUTES_BYTES);

/**
 * The conversation a command works on, read inside its transaction (and row-locked on
 * PostgreSQL) so concurrent commands on it apply one after another.
 */
export const lockConversation = (tx: Tx, caller: Caller, displayId: number) =>
  findVisibleConversation(tx.db, caller, displayId, tx.dialect);

/** Applies `changes` to the conversation and answers the row as it now is (one statement). */
export function updateConversationRow(
  tx: Tx,
  conversation: ConversationRow,
  changes: Partial<Omit<ConversationRow, 'id'>>,
): Promise<ConversationRow> {
  return tx.db
    .updateTable('conversations')
    .set(changes)
    .where('id', '=', conversation.id)
    .returningAll()
    .executeTakeFirstOrThrow();
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
): Promise<AgentRecord> {
  const record = await findAgent(db, accountId, userId);
  if (!record) throw invalid('assignee_id', 'assignee_id is not an agent of this account');
  if (record.membership.role !== 'administrator') {
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
  return record;
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

/** The conversation presented as it stands, for a command that changed nothing. */
export async function answerUnchanged(
  tx: Tx,
  conversation: ConversationRow,
): Promise<Outcome<Conversation>> {
  const { conversation: presented } = await presentChange(tx.db, conversation, [], {
    conversation: true,
  });
  return outcome(presented!);
}

/** The conversation as a command left it, with the events of its changes. */
export async function answerChanged(
  tx: Tx,
  conversation: ConversationRow,
  changes: ConversationChange[],
): Promise<Outcome<Conversation>> {
  const presented = await presentChange(tx.db, conversation, changes, { conversation: true });
  return outcome(presented.conversation!, presented.events);
}
