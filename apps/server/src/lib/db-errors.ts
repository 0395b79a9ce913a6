import { sql, type Kysely, type Transaction } from 'kysely';
import type { DialectName } from '../db/dialect';
import type { Database } from '../db/schema';

/** True for a unique-constraint violation on either database. */
export function isUniqueViolation(error: unknown): boolean {
  if (typeof error !== 'object' || error === null) return false;
  const code = (error as { code?: unknown }).code;
  // PostgreSQL: SQLSTATE 23505; better-sqlite3: SQLITE_CONSTRAINT_UNIQUE / _PRIMARYKEY.
  return (
    code === '23505' ||
    code === 'SQLITE_CONSTRAINT_UNIQUE' ||
    code === 'SQLITE_CONSTRAINT_PRIMARYKEY'
  );
}

/**
 * Runs a write, turning a unique-constraint violation into `refusal()` (a 422 naming the field
 * whose value is taken); the constraint decides, so concurrent writers cannot both win.
 */
export async function refusingDuplicates<T>(
  work: () => Promise<T>,
  refusal: () => Error,
): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (isUniqueViolation(error)) throw refusal();
    throw error;
  }
}

/**
 * Serializes writers of one account until the transaction ends, for rules no constraint can
 * hold ("one contact per email", "keep an administrator"). SQLite already runs one writer at a
 * time; PostgreSQL takes a row lock on the account.
 */
export async function lockAccount(
  trx: Transaction<Database> | Kysely<Database>,
  dialect: DialectName,
  accountId: number,
): Promise<void> {
  if (dialect !== 'postgres') return;
  await sql`select id from accounts where id = ${accountId} for update`.execute(trx);
}
