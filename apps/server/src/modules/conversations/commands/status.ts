import type {
  ActivityActor,
  Conversation,
  ConversationPriority,
  ConversationStatus,
} from '@bevatel/protocol';
import type { Caller } from '../../../core/caller';
import { outcome, type Outcome, type Tx } from '../../../core/commands';
import type { ConversationRow } from '../../../db/schema';
import { invalid } from '../../../lib/errors';
import { nowMs } from '../../../lib/time';
import { presentChange, type ConversationChange } from '../../../presenters/conversation-change';
import { activityActor, activityText, insertActivity } from '../activity';
import { answerChanged, answerUnchanged, lockConversation, updateConversationRow } from './shared';

export interface ToggleStatusInput {
  status?: ConversationStatus;
  /** Unix seconds; only for `snoozed`. */
  snoozed_until?: number | null;
}

export interface StatusResult {
  status: ConversationStatus;
  snoozedUntil: number | null;
  displayId: number;
}

/**
 * Sets the status (without one: open ↔ resolved, as Chatwoot's toggle). A real change writes
 * an activity message; asking for the current status again changes nothing.
 */
export async function toggleStatus(
  tx: Tx,
  caller: Caller,
  displayId: number,
  input: ToggleStatusInput,
): Promise<Outcome<StatusResult>> {
  const conversation = await lockConversation(tx, caller, displayId);
  return applyStatus(tx, conversation, input, activityActor(caller));
}

/**
 * `toggleStatus` on a conversation already read (and locked) by the command: by an agent, or
 * by the snooze scheduler as the system.
 */
export async function applyStatus(
  tx: Tx,
  conversation: ConversationRow,
  input: ToggleStatusInput,
  by: ActivityActor,
): Promise<Outcome<StatusResult>> {
  const status: ConversationStatus =
    input.status ?? (conversation.status === 'open' ? 'resolved' : 'open');
  const now = nowMs();
  let snoozedUntil: number | null = null;
  if (status === 'snoozed' && input.snoozed_until != null) {
    snoozedUntil = input.snoozed_until * 1000;
    if (snoozedUntil <= now) throw invalid('snoozed_until', 'snoozed_until must be in the future');
  } else if (status !== 'snoozed' && input.snoozed_until != null) {
    throw invalid('snoozed_until', 'snoozed_until is only for status "snoozed"');
  }
  const result = { status, snoozedUntil, displayId: conversation.display_id };
  if (status === conversation.status && snoozedUntil === conversation.snoozed_until) {
    return outcome(result);
  }
  const updated = await updateConversationRow(tx, conversation, {
    status,
    snoozed_until: snoozedUntil,
    updated_at: now,
  });
  const changes: ConversationChange[] =
    status === conversation.status
      ? [{ event: 'conversation.updated' }]
      : [
          { event: 'conversation.status_changed' },
          await insertActivity(tx.db, conversation, activityText.status(status, by), now),
        ];
  const { events } = await presentChange(tx.db, updated, changes);
  return outcome(result, events);
}

/** Sets or clears the priority; answers the conversation as it now is. */
export async function setPriority(
  tx: Tx,
  caller: Caller,
  displayId: number,
  priority: ConversationPriority | null,
): Promise<Outcome<Conversation>> {
  const conversation = await lockConversation(tx, caller, displayId);
  if ((conversation.priority ?? null) === priority) return answerUnchanged(tx, conversation);
  const now = nowMs();
  const updated = await updateConversationRow(tx, conversation, { priority, updated_at: now });
  const activity = await insertActivity(
    tx.db,
    conversation,
    activityText.priority(priority, activityActor(caller)),
    now,
  );
  return answerChanged(tx, updated, [{ event: 'conversation.updated' }, activity]);
}

/** Mutes or unmutes; answers the conversation as it now is. */
export async function setMuted(
  tx: Tx,
  caller: Caller,
  displayId: number,
  muted: boolean,
): Promise<Outcome<Conversation>> {
  const conversation = await lockConversation(tx, caller, displayId);
  if ((conversation.muted === 1) === muted) return answerUnchanged(tx, conversation);
  const now = nowMs();
  const updated = await updateConversationRow(tx, conversation, {
    muted: muted ? 1 : 0,
    updated_at: now,
  });
  const text = activityText.muted(muted, activityActor(caller));
  const activity = await insertActivity(tx.db, conversation, text, now);
  return answerChanged(tx, updated, [{ event: 'conversation.updated' }, activity]);
}
