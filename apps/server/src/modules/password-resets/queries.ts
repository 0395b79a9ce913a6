import type { Kysely } from 'kysely';
import type { Database, PasswordResetRow } from '../../db/schema';
import { linkDigest } from '../../lib/one-time-links';

/** A reset link with the e-mail of the person whose password it sets. */
export type ResetWithUser = PasswordResetRow & { email: string; name: string };

export function resetByToken(
  db: Kysely<Database>,
  token: string,
): Promise<ResetWithUser | undefined> {
  return db
    .selectFrom('password_resets')
    .innerJoin('users', 'users.id', 'password_resets.user_id')
    .selectAll('password_resets')
    .select(['users.email', 'users.name'])
    .where('password_resets.token_digest', '=', linkDigest(token))
    .executeTakeFirst();
}

/**
 * The accounts of `userId` in which `adminId` is not an administrator: an administrator may
 * reset a password only when this is empty (see commands.ts).
 */
export async function accountsBeyondAdmin(
  db: Kysely<Database>,
  userId: number,
  adminId: number,
): Promise<number[]> {
  const rows = await db
    .selectFrom('account_users as theirs')
    .select('theirs.account_id')
    .where('theirs.user_id', '=', userId)
    .where(({ not, exists, selectFrom }) =>
      not(
        exists(
          selectFrom('account_users as mine')
            .select('mine.id')
            .whereRef('mine.account_id', '=', 'theirs.account_id')
            .where('mine.user_id', '=', adminId)
            .where('mine.role', '=', 'administrator'),
        ),
      ),
    )
    .execute();
  return rows.map((row) => row.account_id);
}
