/**
 * Activity messages (message_type 2) as structured content: `content_attributes.activity`
 * says what happened and who did it, so the dashboard words it in the reader's language.
 * `content` keeps Chatwoot's English sentence for API clients (`activityEnglish`).
 */
import type { ConversationPriority, ConversationStatus } from './enums';
import { CONVERSATION_PRIORITIES, CONVERSATION_STATUSES } from './enums';

/** Who did it: an agent, or a dashboard app acting for one ("Order history for Omar"). */
export interface ActivityActor {
  name: string;
  app?: string;
  /** The product itself (a snooze ending), not a person: `name` is "System". */
  system?: true;
}

/** Who a scheduled change (a snooze ending) says did it. */
export const SYSTEM_ACTOR: ActivityActor = { name: 'System', system: true };

export type ConversationActivity =
  | { kind: 'status'; status: ConversationStatus; by: ActivityActor }
  | { kind: 'assigned'; assignee: string; self: boolean; by: ActivityActor }
  | { kind: 'unassigned'; by: ActivityActor }
  | { kind: 'team_assigned'; team: string; by: ActivityActor }
  | { kind: 'team_unassigned'; team: string | null; by: ActivityActor }
  | { kind: 'labels_added' | 'labels_removed'; labels: string[]; by: ActivityActor }
  | { kind: 'priority'; priority: ConversationPriority | null; by: ActivityActor }
  | { kind: 'muted' | 'unmuted'; by: ActivityActor };

export type ActivityKind = ConversationActivity['kind'];

const byText = (by: ActivityActor) => (by.app ? `${by.app} for ${by.name}` : by.name);

/** Chatwoot's English wording, stored as the message's `content`. */
export function activityEnglish(activity: ConversationActivity): string {
  const by = byText(activity.by);
  switch (activity.kind) {
    case 'status':
      switch (activity.status) {
        case 'resolved':
          return `Conversation was resolved by ${by}`;
        case 'open':
          return `Conversation was reopened by ${by}`;
        case 'pending':
          return `Conversation was marked as pending by ${by}`;
        case 'snoozed':
          return `Conversation was snoozed by ${by}`;
      }
      break;
    case 'assigned':
      return activity.self
        ? `${by} self-assigned this conversation`
        : `Assigned to ${activity.assignee} by ${by}`;
    case 'unassigned':
      return `Conversation unassigned by ${by}`;
    case 'team_assigned':
      return `Assigned to ${activity.team} team by ${by}`;
    case 'team_unassigned':
      return `Unassigned from ${activity.team ?? 'the'} team by ${by}`;
    case 'labels_added':
    case 'labels_removed': {
      const verb = activity.kind === 'labels_added' ? 'added' : 'removed';
      const labels = activity.labels.join(', ');
      // "Order history added the label refund-requested for Omar Haddad".
      if (activity.by.app) {
        const noun = activity.labels.length === 1 ? 'label' : 'labels';
        return `${activity.by.app} ${verb} the ${noun} ${labels} for ${activity.by.name}`;
      }
      return `${by} ${verb} ${labels}`;
    }
    case 'priority':
      return activity.priority
        ? `Priority set to ${activity.priority} by ${by}`
        : `Priority removed by ${by}`;
    case 'muted':
      return `${by} has muted the conversation`;
    case 'unmuted':
      return `${by} has unmuted the conversation`;
  }
  return by;
}

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);
const isString = (value: unknown): value is string => typeof value === 'string';

function readActor(value: unknown): ActivityActor | null {
  if (!isObject(value) || !isString(value.name)) return null;
  if (value.app !== undefined && !isString(value.app)) return null;
  if (value.system === true) return SYSTEM_ACTOR;
  return value.app === undefined ? { name: value.name } : { name: value.name, app: value.app };
}

/**
 * The structured activity of a message's `content_attributes`, or null when it has none or
 * it is not one this version knows (the message's `content` is shown then).
 */
export function readActivity(contentAttributes: unknown): ConversationActivity | null {
  if (!isObject(contentAttributes)) return null;
  const a = contentAttributes.activity;
  if (!isObject(a)) return null;
  const by = readActor(a.by);
  if (!by) return null;
  switch (a.kind) {
    case 'status':
      return (CONVERSATION_STATUSES as readonly unknown[]).includes(a.status)
        ? { kind: 'status', status: a.status as ConversationStatus, by }
        : null;
    case 'assigned':
      return isString(a.assignee) && typeof a.self === 'boolean'
        ? { kind: 'assigned', assignee: a.assignee, self: a.self, by }
        : null;
    case 'unassigned':
    case 'muted':
    case 'unmuted':
      return { kind: a.kind, by };
    case 'team_assigned':
      return isString(a.team) ? { kind: 'team_assigned', team: a.team, by } : null;
    case 'team_unassigned':
      return a.team === null || isString(a.team)
        ? { kind: 'team_unassigned', team: a.team, by }
        : null;
    case 'labels_added':
    case 'labels_removed':
      return Array.isArray(a.labels) && a.labels.every(isString)
        ? { kind: a.kind, labels: a.labels, by }
        : null;
    case 'priority':
      return a.priority === null ||
        (CONVERSATION_PRIORITIES as readonly unknown[]).includes(a.priority)
        ? { kind: 'priority', priority: a.priority as ConversationPriority | null, by }
        : null;
    default:
      return null;
  }
}
