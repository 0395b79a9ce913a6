/**
 * Where a dashboard app appears and for whom (issue 12), as rules both the server (which
 * enforces them) and the dashboard (which places the frames) apply the same way.
 */
import { USER_ROLES, type UserRole } from './enums';

/**
 * The places an administrator can put an app. `conversation.tab` is where every app was before
 * locations existed, so it is the default (Chatwoot's API knows no other).
 */
export const DASHBOARD_APP_LOCATIONS = [
  'conversation.tab',
  'conversation.sidebar',
  'contact.page',
  'navigation.page',
] as const;
export type DashboardAppLocation = (typeof DASHBOARD_APP_LOCATIONS)[number];

export const DEFAULT_APP_LOCATIONS: readonly DashboardAppLocation[] = ['conversation.tab'];

export function isDashboardAppLocation(value: unknown): value is DashboardAppLocation {
  return (DASHBOARD_APP_LOCATIONS as readonly unknown[]).includes(value);
}

/** Locations that are shown beside one conversation (and get its context). */
export const isConversationLocation = (location: DashboardAppLocation): boolean =>
  location === 'conversation.tab' || location === 'conversation.sidebar';

/**
 * Who sees an app. Each list left empty does not restrict; lists given must all be met:
 * the agent's role is one of `roles`, the agent is in one of `team_ids`, and — beside a
 * conversation — the conversation's inbox is one of `inbox_ids` (on the contact page and the
 * full page: the agent belongs to one of them; administrators see every inbox).
 */
export interface DashboardAppVisibility {
  inbox_ids: number[];
  team_ids: number[];
  roles: UserRole[];
}

export const OPEN_VISIBILITY: DashboardAppVisibility = { inbox_ids: [], team_ids: [], roles: [] };

/** Most inboxes or teams one rule may name. */
export const MAX_VISIBILITY_IDS = 100;

/** The person the rule is asked about. */
export interface AppViewer {
  role: UserRole;
  /** Teams the person belongs to in this account. */
  teamIds: readonly number[];
  /** Inboxes whose conversations the person sees: `all` for administrators. */
  inboxIds: 'all' | readonly number[];
}

const intersects = (wanted: readonly number[], held: 'all' | readonly number[]): boolean =>
  held === 'all' || wanted.some((id) => held.includes(id));

/**
 * Whether the rule lets `viewer` see the app at all (anywhere): the role, the team and, for
 * inbox-restricted apps, membership of at least one of those inboxes.
 */
export function appVisibleTo(rule: DashboardAppVisibility, viewer: AppViewer): boolean {
  if (rule.roles.length > 0 && !rule.roles.includes(viewer.role)) return false;
  if (rule.team_ids.length > 0 && !rule.team_ids.some((id) => viewer.teamIds.includes(id))) {
    return false;
  }
  return rule.inbox_ids.length === 0 || intersects(rule.inbox_ids, viewer.inboxIds);
}

/** Whether an app of this rule belongs beside a conversation of `inboxId`. */
export const appShownInInbox = (rule: DashboardAppVisibility, inboxId: number): boolean =>
  rule.inbox_ids.length === 0 || rule.inbox_ids.includes(inboxId);

export const APP_VISIBILITY_ROLES = USER_ROLES;

/** Longest description of an app (manifest and settings form). */
export const DASHBOARD_APP_DESCRIPTION_MAX_LENGTH = 1000;
