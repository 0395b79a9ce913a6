import type { AccountRef, AvailabilityStatus, Profile } from '@bevatel/protocol';
import type { UserRow } from '../../db/schema';
import { parseJsonObject } from '../../lib/json';
import { thumbnailOf } from '../agents/presenter';

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
    availability_status: user.availability as AvailabilityStatus,
  };
}
