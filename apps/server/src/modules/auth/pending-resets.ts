import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema';
import { nowMs } from '../../lib/time';

/**
 * Ends a person's unused password reset links. Called when a newer link replaces them and when
 * the person chooses a new password themselves: a link issued before (by an administrator, or
 * mailed to an inbox someone else may read) would otherwise undo that choice until it expires.
 */
export async function revokePendingResets(db: Kysely<Database>, userId: number): Promise<void> {
  await db
    .updateTable('password_resets')
    .set({ status: 'revoked', used_at: nowMs() })
    .where('user_id', '=', userId)
    .where('status', '=', 'pending')
    .execute();
}
