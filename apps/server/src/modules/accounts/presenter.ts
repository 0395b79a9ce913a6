import type { Locale, UserRole } from '@bevatel/protocol';
import type { AccountDetails } from '@bevatel/protocol/schemas';
import type { AccountRow } from '../../db/schema';
import { toSecondsOrZero } from '../../lib/time';

export function presentAccount(account: AccountRow, role: UserRole): AccountDetails {
  return {
    id: account.id,
    name: account.name,
    locale: account.locale as Locale,
    role,
    created_at: toSecondsOrZero(account.created_at),
    contacts_by_inbox: account.contacts_by_inbox === 1,
  };
}
