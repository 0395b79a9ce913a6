import type { Locale } from '@bevatel/protocol';
import type { Kysely } from 'kysely';
import type { AccountRow, Database } from '../../db/schema';

export interface AccountChanges {
  name?: string;
  locale?: Locale;
}

export async function updateAccount(
  db: Kysely<Database>,
  accountId: number,
  changes: AccountChanges,
): Promise<AccountRow> {
  return db.transaction().execute(async (trx) => {
    const set: Partial<Pick<AccountRow, 'name' | 'locale'>> = {};
    if (changes.name !== undefined) set.name = changes.name.trim();
    if (changes.locale !== undefined) set.locale = changes.locale;
    // An empty PATCH is a read: an UPDATE needs at least one column.
    if (Object.keys(set).length === 0) {
      return trx
        .selectFrom('accounts')
        .selectAll()
        .where('id', '=', accountId)
        .executeTakeFirstOrThrow();
    }
    return trx
      .updateTable('accounts')
      .set(set)
      .where('id', '=', accountId)
      .returningAll()
      .executeTakeFirstOrThrow();
  });
}
