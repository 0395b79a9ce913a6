import type { IssuedPasswordReset, PasswordResetLink } from '@bevatel/protocol/schemas';
import type { PasswordResetRow } from '../../db/schema';
import { toSecondsOrZero } from '../../lib/time';

/** The link the person opens: the dashboard's page for one reset token. */
export const resetUrl = (publicUrl: string, token: string) =>
  `${publicUrl}/app/reset-password/${encodeURIComponent(token)}`;

export function presentIssuedReset(
  row: PasswordResetRow,
  url: string,
  emailed: boolean,
): IssuedPasswordReset {
  return {
    payload: {
      user_id: row.user_id,
      reset_url: url,
      expires_at: toSecondsOrZero(row.expires_at),
      emailed,
    },
  };
}

export function presentResetLink(row: PasswordResetRow & { email: string }): PasswordResetLink {
  return { data: { email: row.email, expires_at: toSecondsOrZero(row.expires_at) } };
}
