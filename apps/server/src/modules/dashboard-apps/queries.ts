import type { Kysely } from 'kysely';
import type { Database, DashboardAppRow } from '../../db/schema';

type Db = Kysely<Database>;

export function listApps(db: Db, accountId: number): Promise<DashboardAppRow[]> {
  return db
    .selectFrom('dashboard_apps')
    .selectAll()
    .where('account_id', '=', accountId)
    .orderBy('position')
    .orderBy('id')
    .execute();
}

export function findApp(db: Db, accountId: number, id: number) {
  return db
    .selectFrom('dashboard_apps')
    .selectAll()
    .where('account_id', '=', accountId)
    .where('id', '=', id)
    .executeTakeFirst();
}
