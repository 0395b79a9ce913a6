import { readActivity, type ActivityActor, type Message } from '@bevatel/protocol';
import type { TFunction } from 'i18next';

/** A sentence whose interpolated names are kept apart, to be isolated each in a <bdi>. */
export interface ActivitySentence {
  /** The sentence with each value as `\uE000<index>\uE001` (private-use characters). */
  template: string;
  values: string[];
}

/**
 * An activity line in the reader's language, from its structured content
 * (`content_attributes.activity`); lines without one (older rows, an administrator's script)
 * show their stored text.
 */
export function activitySentence(
  message: Pick<Message, 'content' | 'content_attributes'>,
  t: TFunction,
): ActivitySentence {
  const activity = readActivity(message.content_attributes);
  if (!activity) return { template: message.content ?? '', values: [] };
  const values: string[] = [];
  const slot = (value: string) => {
    values.push(value);
    return `\uE000${values.length - 1}\uE001`;
  };
  const names = (list: string[]) => list.map(slot).join(t('feedback.and'));
  const sentence = (key: string, extra: Record<string, unknown> = {}) => ({
    template: t(key, extra),
    values,
  });
  const by = (actor: ActivityActor) => slot(actor.system ? t('activity.system') : actor.name);
  const app = activity.by.app;
  switch (activity.kind) {
    case 'labels_added':
    case 'labels_removed': {
      const verb = activity.kind === 'labels_added' ? 'labelsAdded' : 'labelsRemoved';
      // An app's labels say which app, for whom: "Order history added the label x for Omar".
      return app
        ? sentence(`activity.${verb}ByApp`, {
            app: slot(app),
            agent: by(activity.by),
            labels: names(activity.labels),
            count: activity.labels.length,
          })
        : sentence(`activity.${verb}`, { by: by(activity.by), labels: names(activity.labels) });
    }
    default:
      break;
  }
  const who = app
    ? t('activity.appFor', { app: slot(app), agent: by(activity.by) })
    : by(activity.by);
  switch (activity.kind) {
    case 'status':
      return sentence(`activity.status.${activity.status}`, { by: who });
    case 'assigned':
      return activity.self
        ? sentence('activity.selfAssigned', { by: who })
        : sentence('activity.assigned', { by: who, assignee: slot(activity.assignee) });
    case 'unassigned':
      return sentence('activity.unassigned', { by: who });
    case 'team_assigned':
      return sentence('activity.teamAssigned', { by: who, team: slot(activity.team) });
    case 'team_unassigned':
      return activity.team
        ? sentence('activity.teamUnassigned', { by: who, team: slot(activity.team) })
        : sentence('activity.teamUnassignedUnnamed', { by: who });
    case 'priority':
      return activity.priority
        ? sentence('activity.priority', { by: who, priority: t(`priority.${activity.priority}`) })
        : sentence('activity.priorityRemoved', { by: who });
    case 'muted':
      return sentence('activity.muted', { by: who });
    case 'unmuted':
      return sentence('activity.unmuted', { by: who });
  }
}

export type SentencePart = { kind: 'text'; text: string } | { kind: 'value'; value: string };

/** The sentence cut into text and values, in order. */
export function sentenceParts({ template, values }: ActivitySentence): SentencePart[] {
  return template
    .split(/\uE000(\d+)\uE001/)
    .map((part, i): SentencePart =>
      i % 2 === 1
        ? { kind: 'value', value: values[Number(part)] ?? '' }
        : { kind: 'text', text: part },
    );
}
