import type { Agent, AvailabilityStatus, UserRole } from '@bevatel/protocol';
import type { UserRow } from '../db/schema';

/** A user together with their membership of one account: what `presentAgent` takes. */
export interface AgentRecord {
  user: UserRow;
  membership: AgentMembership;
}

/** What an account holds of a member: role and, per account, availability. */
export interface AgentMembership {
  account_id: number;
  role: string;
  auto_offline: number;
  availability: string;
}

/** The account_users columns a presented agent needs, for queries joining the two tables. */
export const MEMBERSHIP_COLUMNS = [
  'account_users.account_id',
  'account_users.role',
  'account_users.auto_offline',
  'account_users.availability',
] as const;

export type AgentQueryRow = UserRow & AgentMembership;

/** Splits a users ⨝ account_users row into what `presentAgent` takes. */
export function toAgentRecord(row: AgentQueryRow): AgentRecord {
  const { account_id, role, auto_offline, availability, ...user } = row;
  return { user, membership: { account_id, role, auto_offline, availability } };
}

/** A Gravatar-free placeholder: the web app draws initials when the URL is empty. */
export function thumbnailOf(user: Pick<UserRow, 'avatar_url'>): string {
  return user.avatar_url ?? '';
}

/**
 * What others see of an agent's availability: their choice in this account, except that one
 * with auto_offline whose last socket closed a while ago (realtime/presence.ts) is offline.
 */
export function availabilityStatus(
  user: Pick<UserRow, 'away'>,
  membership: { availability: string; auto_offline: number },
): AvailabilityStatus {
  if (membership.auto_offline === 1 && user.away === 1) return 'offline';
  return membership.availability as AvailabilityStatus;
}

export function presentAgent(user: UserRow, membership: AgentMembership): Agent {
  return {
    id: user.id,
    account_id: membership.account_id,
    availability_status: availabilityStatus(user, membership),
    auto_offline: membership.auto_offline === 1,
    confirmed: true,
    email: user.email,
    available_name: user.display_name || user.name,
    name: user.name,
    role: membership.role as UserRole,
    thumbnail: thumbnailOf(user),
  };
}
