import { invalid } from '../../../lib/errors';
import { nowMs } from '../../../lib/time';
import { displayName, type Actor } from '../actor';
import { activityText, insertActivity } from '../activity';
import type { Committed, PendingEvent } from '../events';
import { withConversation, type CommandDeps } from './shared';

/**
 * Replaces the conversation's labels with `requested`. Every label must exist in the account
 * (matched without regard to case, stored with the label's own spelling).
 */
export function replaceLabels(
  deps: CommandDeps,
  actor: Actor,
  displayId: number,
  requested: string[],
): Promise<Committed & { labels: string[] }> {
  return withConversation(deps, actor, displayId, async (trx, conversation) => {
    const wanted = [...new Set(requested.map((label) => label.trim()).filter(Boolean))];
    const known = wanted.length
      ? await trx
          .selectFrom('labels')
          .select('title')
          .where('account_id', '=', actor.account.id)
          .where((eb) =>
            eb(
              eb.fn('lower', ['title']),
              'in',
              wanted.map((label) => label.toLowerCase()),
            ),
          )
          .execute()
      : [];
    const byLower = new Map(known.map((row) => [row.title.toLowerCase(), row.title]));
    const unknown = wanted.filter((label) => !byLower.has(label.toLowerCase()));
    if (unknown.length) {
      throw invalid('labels', `labels ${unknown.join(', ')} do not exist in this account`);
    }
    const next = [...new Set(wanted.map((label) => byLower.get(label.toLowerCase()) ?? label))];
    const current = (
      await trx
        .selectFrom('conversation_labels')
        .select('label')
        .where('conversation_id', '=', conversation.id)
        .execute()
    ).map((row) => row.label);
    const added = next.filter((label) => !current.includes(label));
    const removed = current.filter((label) => !next.includes(label));
    const labels = [...next].sort();
    if (!added.length && !removed.length) return { conversation, labels, events: [] };

    const now = nowMs();
    if (removed.length) {
      await trx
        .deleteFrom('conversation_labels')
        .where('conversation_id', '=', conversation.id)
        .where('label', 'in', removed)
        .execute();
    }
    if (added.length) {
      await trx
        .insertInto('conversation_labels')
        .values(added.map((label) => ({ conversation_id: conversation.id, label })))
        .execute();
    }
    await trx
      .updateTable('conversations')
      .set({ updated_at: now })
      .where('id', '=', conversation.id)
      .execute();
    const by = displayName(actor.user);
    const events: PendingEvent[] = [{ event: 'conversation.updated' }];
    if (added.length) {
      const messageId = await insertActivity(
        trx,
        conversation,
        activityText.labelsAdded(by, added),
        now,
      );
      events.push({ event: 'message.created', messageId });
    }
    if (removed.length) {
      const messageId = await insertActivity(
        trx,
        conversation,
        activityText.labelsRemoved(by, removed),
        now,
      );
      events.push({ event: 'message.created', messageId });
    }
    return { conversation, labels, events };
  });
}
