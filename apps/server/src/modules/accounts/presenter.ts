import type { Locale, UserRole } from '@bevatel/protocol';
import type { AccountRow } from '../../db/schema';
import { toSecondsOrZero } from '../../lib/time';

/** The account as its members see it, with the caller's own role in it. */
export interface AccountDetails {
  id: number;
  name: string;
  locale: Locale;
  role: UserRole;
  created_at: number;
}

export function presentAccount(account: AccountRow, role: UserRole): AccountDetails {
  return {
    id: account.id,
    name: account.name,
    locale: account.locale as Locale,
    role,
    created_at: toSecondsOrZero(account.created_at),
  };
}
