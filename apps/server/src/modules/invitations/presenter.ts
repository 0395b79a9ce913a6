import type { Invitation, UserRole } from '@bevatel/protocol';
import type { InvitationRow } from '../../db/schema';
import { toSecondsOrZero } from '../../lib/time';

/** The link the invitee opens: the dashboard's page for one invitation token. */
export const invitationUrl = (publicUrl: string, token: string) =>
  `${publicUrl}/app/invitations/${encodeURIComponent(token)}`;

export function presentInvitation(
  row: InvitationRow & { account_name?: string },
  extra: { inviteUrl?: string; emailed?: boolean; now?: number } = {},
): Invitation {
  const now = extra.now ?? Date.now();
  return {
    id: row.id,
    account_id: row.account_id,
    email: row.email,
    name: row.name,
    role: row.role as UserRole,
    status: row.status as Invitation['status'],
    expired: row.status === 'pending' && row.expires_at <= now,
    created_at: toSecondsOrZero(row.created_at),
    expires_at: toSecondsOrZero(row.expires_at),
    ...(extra.inviteUrl ? { invite_url: extra.inviteUrl } : {}),
    ...(extra.emailed !== undefined ? { emailed: extra.emailed } : {}),
    ...(row.account_name !== undefined ? { account_name: row.account_name } : {}),
  };
}
