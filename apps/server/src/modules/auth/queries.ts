import type { AccountRef, UserRole } from '@bevatel/protocol';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema';
import { availabilityStatus } from '../../presenters/agent';

export async function accountsOfUser(db: Kysely<Database>, userId: number): Promise<AccountRef[]> {
  const rows = await db
    .selectFrom('account_users')
    .innerJoin('accounts', 'accounts.id', 'account_users.account_id')
    .innerJoin('users', 'users.id', 'account_users.user_id')
    .select(['accounts.id', 'accounts.name', 'account_users.role', 'account_users.availability'])
    .select(['account_users.auto_offline', 'users.away'])
    .where('account_users.user_id', '=', userId)
    .orderBy('accounts.id')
    .execute();
  return rows.map((row) => ({
    id: row.id,
    name: row.name,
    role: row.role as UserRole,
    availability_status: availabilityStatus(row, row),
  }));
}
