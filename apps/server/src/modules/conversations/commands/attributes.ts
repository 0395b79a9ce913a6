import type { ConversationActivity } from '@bevatel/protocol';
import type { Conversation, ConversationPriority, JsonObject } from '@bevatel/protocol';
import type { Caller } from '../../../core/caller';
import { outcome, type Outcome, type Tx } from '../../../core/commands';
import { parseJsonObject } from '../../../lib/json';
import { nowMs } from '../../../lib/time';
import { presentChange, type ConversationChange } from '../../../presenters/conversation-change';
import { checkCustomAttributes } from '../../custom-attributes';
import { activityActor, activityText, insertActivity } from '../activity';
import {
  answerChanged,
  answerUnchanged,
  attributesText,
  lockConversation,
  updateConversationRow,
} from './shared';

/** Replaces custom_attributes (Chatwoot's `POST …/custom_attributes`). */
export async function replaceCustomAttributes(
  tx: Tx,
  caller: Caller,
  displayId: number,
  attributes: JsonObject,
): Promise<Outcome<JsonObject>> {
  const text = attributesText(attributes, 'custom_attributes');
  const conversation = await lockConversation(tx, caller, displayId);
  await checkCustomAttributes(tx.db, caller.account.id, 'conversation_attribute', attributes);
  const updated = await updateConversationRow(tx, conversation, {
    custom_attributes: text,
    updated_at: nowMs(),
  });
  const { events } = await presentChange(tx.db, updated, [{ event: 'conversation.updated' }]);
  return outcome(parseJsonObject(text), events);
}

export interface UpdateConversationInput {
  priority?: ConversationPriority | null;
  additional_attributes?: JsonObject;
  custom_attributes?: JsonObject;
  muted?: boolean;
}

/**
 * PATCH: attribute documents are merged key by key into what is stored; priority and muted
 * changes write their activity messages as the dedicated routes do.
 */
export async function updateConversation(
  tx: Tx,
  caller: Caller,
  displayId: number,
  input: UpdateConversationInput,
): Promise<Outcome<Conversation>> {
  const conversation = await lockConversation(tx, caller, displayId);
  await checkCustomAttributes(
    tx.db,
    caller.account.id,
    'conversation_attribute',
    input.custom_attributes,
  );
  const now = nowMs();
  const by = activityActor(caller);
  const activities: ConversationActivity[] = [];
  const changes: {
    priority?: ConversationPriority | null;
    muted?: number;
    additional_attributes?: string;
    custom_attributes?: string;
  } = {};
  if (input.priority !== undefined && input.priority !== (conversation.priority ?? null)) {
    changes.priority = input.priority;
    activities.push(activityText.priority(input.priority, by));
  }
  if (input.muted !== undefined && input.muted !== (conversation.muted === 1)) {
    changes.muted = input.muted ? 1 : 0;
    activities.push(activityText.muted(input.muted, by));
  }
  if (input.additional_attributes) {
    changes.additional_attributes = attributesText(
      { ...parseJsonObject(conversation.additional_attributes), ...input.additional_attributes },
      'additional_attributes',
    );
  }
  if (input.custom_attributes) {
    changes.custom_attributes = attributesText(
      { ...parseJsonObject(conversation.custom_attributes), ...input.custom_attributes },
      'custom_attributes',
    );
  }
  if (Object.keys(changes).length === 0) return answerUnchanged(tx, conversation);
  const updated = await updateConversationRow(tx, conversation, { ...changes, updated_at: now });
  const written: ConversationChange[] = [{ event: 'conversation.updated' }];
  for (const text of activities) written.push(await insertActivity(tx.db, conversation, text, now));
  return answerChanged(tx, updated, written);
}

/**
 * Marks the conversation read for agents: `agent_last_seen_at`, and `assignee_last_seen_at`
 * when the caller is its assignee. Unread counts are incoming messages after agent_last_seen_at.
 */
export async function markRead(
  tx: Tx,
  caller: Caller,
  displayId: number,
): Promise<Outcome<Conversation>> {
  const conversation = await lockConversation(tx, caller, displayId);
  const now = nowMs();
  const updated = await updateConversationRow(tx, conversation, {
    agent_last_seen_at: now,
    ...(conversation.assignee_id === caller.user.id ? { assignee_last_seen_at: now } : {}),
  });
  return answerChanged(tx, updated, [{ event: 'conversation.read' }]);
}
