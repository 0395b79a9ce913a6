import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema';
import { framesOf } from './presenter';

/**
 * Origins of the dashboard apps registered in the accounts the user belongs to: what the
 * dashboard page's CSP lets it frame. URL templates keep their origin fixed, so the origin of
 * the stored URL is the frame's.
 */
export async function appFrameOriginsOfUser(
  db: Kysely<Database>,
  userId: number,
): Promise<string[]> {
  const rows = await db
    .selectFrom('dashboard_apps')
    .innerJoin('account_users', 'account_users.account_id', 'dashboard_apps.account_id')
    .select('dashboard_apps.content')
    .where('account_users.user_id', '=', userId)
    .execute();
  const origins = new Set<string>();
  for (const row of rows) {
    for (const frame of framesOf(row)) {
      try {
        const origin = new URL(frame.url.replace(/\{\{[^}]*\}\}/g, 'x')).origin;
        if (origin !== 'null') origins.add(origin);
      } catch {
        // A URL that does not parse cannot be framed either.
      }
    }
  }
  return [...origins].sort();
}
