import type { Kysely } from 'kysely';
import type { Database, LabelRow } from '../../db/schema';

export async function listLabels(db: Kysely<Database>, accountId: number): Promise<LabelRow[]> {
  return db
    .selectFrom('labels')
    .selectAll()
    .where('account_id', '=', accountId)
    .orderBy('title')
    .execute();
}

export async function findLabel(
  db: Kysely<Database>,
  accountId: number,
  labelId: number,
): Promise<LabelRow | undefined> {
  return db
    .selectFrom('labels')
    .selectAll()
    .where('account_id', '=', accountId)
    .where('id', '=', labelId)
    .executeTakeFirst();
}
