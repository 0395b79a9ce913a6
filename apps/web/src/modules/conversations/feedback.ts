import type { Conversation } from '@bevatel/protocol';
import type { TFunction } from 'i18next';
import { isolated } from '../../lib/bidi';
import type { Toast } from '../../lib/toasts';
import type { ConversationAction } from './queries';

/**
 * The toast that confirms a done action a sighted agent may not notice otherwise: resolving
 * (the conversation leaves the list; Undo brings its previous status back) and labels added.
 * Other actions show their result in place and get none.
 */
export function feedbackFor(
  action: ConversationAction,
  before: Conversation,
  t: TFunction,
  undo: (previous: ConversationAction) => void,
): Omit<Toast, 'id'> | null {
  if (action.type === 'status' && action.status === 'resolved' && before.status !== 'resolved') {
    const previous: ConversationAction = {
      type: 'status',
      status: before.status,
      ...(before.status === 'snoozed' && before.snoozed_until
        ? { snoozedUntil: before.snoozed_until }
        : {}),
    };
    const contact = before.meta.sender;
    const name = contact.name || contact.email || contact.phone_number || t('contacts.unnamed');
    return {
      kind: 'success',
      message: t('feedback.resolved', { name: isolated(name) }),
      action: { label: t('feedback.undo'), run: () => undo(previous) },
    };
  }
  if (action.type === 'labels') {
    const added = action.labels.filter((label) => !before.labels.includes(label));
    if (added.length === 0) return null;
    return {
      kind: 'success',
      message: t('feedback.labelAdded', { labels: added.map(isolated).join(t('feedback.and')) }),
    };
  }
  return null;
}
