import type { Locale } from '@bevatel/protocol';
import type { Caller } from '../../core/caller';
import { outcome, type Outcome, type Tx } from '../../core/commands';
import type { AccountRow } from '../../db/schema';

export interface AccountChanges {
  name?: string;
  locale?: Locale;
  contacts_by_inbox?: boolean;
}

export async function updateAccount(
  tx: Tx,
  caller: Caller,
  changes: AccountChanges,
): Promise<Outcome<AccountRow>> {
  const set: Partial<Pick<AccountRow, 'name' | 'locale' | 'contacts_by_inbox'>> = {};
  if (changes.name !== undefined) set.name = changes.name.trim();
  if (changes.locale !== undefined) set.locale = changes.locale;
  if (changes.contacts_by_inbox !== undefined) {
    set.contacts_by_inbox = changes.contacts_by_inbox ? 1 : 0;
  }
  // An empty PATCH is a read: an UPDATE needs at least one column.
  if (Object.keys(set).length === 0) return outcome(caller.account);
  return outcome(
    await tx.db
      .updateTable('accounts')
      .set(set)
      .where('id', '=', caller.accountId)
      .returningAll()
      .executeTakeFirstOrThrow(),
  );
}
