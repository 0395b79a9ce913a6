import type { ConversationPriority, JsonObject } from '@bevatel/protocol';
import { parseJsonObject } from '../../../lib/json';
import { nowMs } from '../../../lib/time';
import { displayName, type Actor } from '../actor';
import { activityText, insertActivity } from '../activity';
import type { Committed, PendingEvent } from '../events';
import { attributesText, withConversation, type CommandDeps } from './shared';

/** Replaces custom_attributes (Chatwoot's `POST …/custom_attributes`). */
export function replaceCustomAttributes(
  deps: CommandDeps,
  actor: Actor,
  displayId: number,
  attributes: JsonObject,
): Promise<Committed & { customAttributes: JsonObject }> {
  const text = attributesText(attributes, 'custom_attributes');
  return withConversation(deps, actor, displayId, async (trx, conversation) => {
    await trx
      .updateTable('conversations')
      .set({ custom_attributes: text, updated_at: nowMs() })
      .where('id', '=', conversation.id)
      .execute();
    return {
      conversation,
      customAttributes: parseJsonObject(text),
      events: [{ event: 'conversation.updated' }],
    };
  });
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
export function updateConversation(
  deps: CommandDeps,
  actor: Actor,
  displayId: number,
  input: UpdateConversationInput,
): Promise<Committed> {
  return withConversation(deps, actor, displayId, async (trx, conversation) => {
    const now = nowMs();
    const by = displayName(actor.user);
    const activities: string[] = [];
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
      activities.push(input.muted ? activityText.muted(by) : activityText.unmuted(by));
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
    if (Object.keys(changes).length === 0) return { conversation, events: [] };
    await trx
      .updateTable('conversations')
      .set({ ...changes, updated_at: now })
      .where('id', '=', conversation.id)
      .execute();
    const events: PendingEvent[] = [{ event: 'conversation.updated' }];
    for (const text of activities) {
      events.push({
        event: 'message.created',
        messageId: await insertActivity(trx, conversation, text, now),
      });
    }
    return { conversation, events };
  });
}

/**
 * Marks the conversation read for agents: `agent_last_seen_at`, and `assignee_last_seen_at`
 * when the caller is its assignee. Unread counts are incoming messages after agent_last_seen_at.
 */
export function markRead(deps: CommandDeps, actor: Actor, displayId: number): Promise<Committed> {
  return withConversation(deps, actor, displayId, async (trx, conversation) => {
    const now = nowMs();
    await trx
      .updateTable('conversations')
      .set({
        agent_last_seen_at: now,
        ...(conversation.assignee_id === actor.user.id ? { assignee_last_seen_at: now } : {}),
      })
      .where('id', '=', conversation.id)
      .execute();
    return { conversation, events: [{ event: 'conversation.read' }] };
  });
}
