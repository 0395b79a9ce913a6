import type { Agent, AvailabilityStatus, UserRole } from '@bevatel/protocol';
import type { UserRow } from '../../db/schema';

/** A Gravatar-free placeholder: the web app draws initials when the URL is empty. */
export function thumbnailOf(user: Pick<UserRow, 'avatar_url'>): string {
  return user.avatar_url ?? '';
}

export function presentAgent(
  user: UserRow,
  membership: { account_id: number; role: string; auto_offline?: number },
): Agent {
  return {
    id: user.id,
    account_id: membership.account_id,
    availability_status: user.availability as AvailabilityStatus,
    auto_offline: (membership.auto_offline ?? 1) === 1,
    confirmed: true,
    email: user.email,
    available_name: user.display_name || user.name,
    name: user.name,
    role: membership.role as UserRole,
    thumbnail: thumbnailOf(user),
  };
}
