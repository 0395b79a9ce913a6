import type { ConversationActivity } from '@bevatel/protocol';
import type { Caller } from '../../../core/caller';
import { outcome, type Outcome, type Tx } from '../../../core/commands';
import { invalid } from '../../../lib/errors';
import { nowMs } from '../../../lib/time';
import { ensureLabels } from '../../labels';
import { presentChange, type ConversationChange } from '../../../presenters/conversation-change';
import { activityActor, activityText, insertActivity } from '../activity';
import { lockConversation, updateConversationRow } from './shared';

/**
 * What to do with the labels: replace them all (Chatwoot's `{labels}`), or add or remove some
 * (`{add}` / `{remove}`), worked out inside the transaction so that concurrent changes by
 * agents and apps never undo each other.
 */
export type LabelChange = { set: string[] } | { add: string[] } | { remove: string[] };

const activityFor = (
  caller: Caller,
  verb: 'added' | 'removed',
  labels: string[],
): ConversationActivity => activityText.labels(verb, labels, activityActor(caller));

/**
 * Changes the conversation's labels; answers them, sorted. Labels are matched without regard to
 * case and kept with the label's own spelling. A label the account has not defined is created
 * when a person or an API client tags with it (as Chatwoot does); a dashboard app may only use
 * the account's labels (an app must not grow the account's vocabulary), and removing an unknown
 * label is an error for everyone.
 */
export async function changeLabels(
  tx: Tx,
  caller: Caller,
  displayId: number,
  change: LabelChange,
): Promise<Outcome<string[]>> {
  const conversation = await lockConversation(tx, caller, displayId);
  const requested = 'set' in change ? change.set : 'add' in change ? change.add : change.remove;
  const wanted = [...new Set(requested.map((label) => label.trim()).filter(Boolean))];
  const known = wanted.length
    ? await tx.db
        .selectFrom('labels')
        .select('title')
        .where('account_id', '=', caller.account.id)
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
  if (unknown.length && (caller.app !== null || 'remove' in change)) {
    throw invalid('labels', `labels ${unknown.join(', ')} do not exist in this account`);
  }
  for (const title of await ensureLabels(tx, caller.account.id, unknown, 'labels')) {
    byLower.set(title.toLowerCase(), title);
  }
  const named = [...new Set(wanted.map((label) => byLower.get(label.toLowerCase()) ?? label))];
  const current = (
    await tx.db
      .selectFrom('conversation_labels')
      .select('label')
      .where('conversation_id', '=', conversation.id)
      .execute()
  ).map((row) => row.label);
  const next =
    'set' in change
      ? named
      : 'add' in change
        ? [...new Set([...current, ...named])]
        : current.filter((label) => !named.includes(label));
  const added = next.filter((label) => !current.includes(label));
  const removed = current.filter((label) => !next.includes(label));
  const labels = [...next].sort();
  if (!added.length && !removed.length) return outcome(labels);

  const now = nowMs();
  if (removed.length) {
    await tx.db
      .deleteFrom('conversation_labels')
      .where('conversation_id', '=', conversation.id)
      .where('label', 'in', removed)
      .execute();
  }
  if (added.length) {
    await tx.db
      .insertInto('conversation_labels')
      .values(added.map((label) => ({ conversation_id: conversation.id, label })))
      .execute();
  }
  const updated = await updateConversationRow(tx, conversation, { updated_at: now });
  const changes: ConversationChange[] = [{ event: 'conversation.updated' }];
  if (added.length) {
    changes.push(
      await insertActivity(tx.db, conversation, activityFor(caller, 'added', added), now),
    );
  }
  if (removed.length) {
    changes.push(
      await insertActivity(tx.db, conversation, activityFor(caller, 'removed', removed), now),
    );
  }
  const { events } = await presentChange(tx.db, updated, changes);
  return outcome(labels, events);
}
