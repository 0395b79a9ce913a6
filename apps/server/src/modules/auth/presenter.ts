import type { AccountRef, Profile } from '@bevatel/protocol';
import type { UserRow } from '../../db/schema';
import { parseJsonObject } from '../../lib/json';
import { thumbnailOf } from '../../presenters/agent';

export function presentProfile(user: UserRow, accounts: AccountRef[]): Profile {
  const first = accounts[0];
  return {
    id: user.id,
    name: user.name,
    display_name: user.display_name,
    email: user.email,
    avatar_url: thumbnailOf(user),
    account_id: first?.id ?? 0,
    role: first?.role ?? 'agent',
    accounts,
    ui_settings: parseJsonObject(user.ui_settings),
    // Chatwoot's profile speaks for its first account; `accounts` carries each one's.
    availability_status: first?.availability_status ?? 'offline',
  };
}
