import type { ConversationPriority, ConversationStatus } from '@bevatel/protocol';
import { invalid } from '../../../lib/errors';
import { nowMs } from '../../../lib/time';
import { displayName, type Actor } from '../actor';
import { activityText, insertActivity } from '../activity';
import type { Committed } from '../events';
import { withConversation, type CommandDeps } from './shared';

export interface ToggleStatusInput {
  status?: ConversationStatus;
  /** Unix seconds; only for `snoozed`. */
  snoozed_until?: number | null;
}

export interface StatusResult extends Committed {
  status: ConversationStatus;
  snoozedUntil: number | null;
  displayId: number;
}

/**
 * Sets the status (without one: open ↔ resolved, as Chatwoot's toggle). A real change writes
 * an activity message; asking for the current status again changes nothing.
 */
export function toggleStatus(
  deps: CommandDeps,
  actor: Actor,
  displayId: number,
  input: ToggleStatusInput,
): Promise<StatusResult> {
  return withConversation(deps, actor, displayId, async (trx, conversation) => {
    const status: ConversationStatus =
      input.status ?? (conversation.status === 'open' ? 'resolved' : 'open');
    const now = nowMs();
    let snoozedUntil: number | null = null;
    if (status === 'snoozed' && input.snoozed_until != null) {
      snoozedUntil = input.snoozed_until * 1000;
      if (snoozedUntil <= now)
        throw invalid('snoozed_until', 'snoozed_until must be in the future');
    } else if (status !== 'snoozed' && input.snoozed_until != null) {
      throw invalid('snoozed_until', 'snoozed_until is only for status "snoozed"');
    }
    const result = { conversation, status, snoozedUntil, displayId: conversation.display_id };
    if (status === conversation.status && snoozedUntil === conversation.snoozed_until) {
      return { ...result, events: [] };
    }
    await trx
      .updateTable('conversations')
      .set({ status, snoozed_until: snoozedUntil, updated_at: now })
      .where('id', '=', conversation.id)
      .execute();
    if (status === conversation.status) {
      return { ...result, events: [{ event: 'conversation.updated' }] };
    }
    const messageId = await insertActivity(
      trx,
      conversation,
      activityText.status(status, displayName(actor.user)),
      now,
    );
    return {
      ...result,
      events: [{ event: 'conversation.status_changed' }, { event: 'message.created', messageId }],
    };
  });
}

export function setPriority(
  deps: CommandDeps,
  actor: Actor,
  displayId: number,
  priority: ConversationPriority | null,
): Promise<Committed> {
  return withConversation(deps, actor, displayId, async (trx, conversation) => {
    if ((conversation.priority ?? null) === priority) return { conversation, events: [] };
    const now = nowMs();
    await trx
      .updateTable('conversations')
      .set({ priority, updated_at: now })
      .where('id', '=', conversation.id)
      .execute();
    const messageId = await insertActivity(
      trx,
      conversation,
      activityText.priority(priority, displayName(actor.user)),
      now,
    );
    return {
      conversation,
      events: [{ event: 'conversation.updated' }, { event: 'message.created', messageId }],
    };
  });
}

export function setMuted(
  deps: CommandDeps,
  actor: Actor,
  displayId: number,
  muted: boolean,
): Promise<Committed> {
  return withConversation(deps, actor, displayId, async (trx, conversation) => {
    if ((conversation.muted === 1) === muted) return { conversation, events: [] };
    const now = nowMs();
    await trx
      .updateTable('conversations')
      .set({ muted: muted ? 1 : 0, updated_at: now })
      .where('id', '=', conversation.id)
      .execute();
    const by = displayName(actor.user);
    const text = muted ? activityText.muted(by) : activityText.unmuted(by);
    const messageId = await insertActivity(trx, conversation, text, now);
    return {
      conversation,
      events: [{ event: 'conversation.updated' }, { event: 'message.created', messageId }],
    };
  });
}
