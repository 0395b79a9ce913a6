import { sql, type Kysely, type SqlBool } from 'kysely';
import type { CannedResponseRow, Database } from '../../db/schema';
import { likePattern } from '../../lib/like';

const contains = (column: 'short_code' | 'content', pattern: string) =>
  sql<SqlBool>`lower(${sql.ref(`canned_responses.${column}`)}) like lower(${pattern}) escape '\\'`;

/**
 * The account's canned responses by short code; with `search`, those whose short code or
 * content holds it (case-insensitive), best first: the exact short code, short codes starting
 * with it, short codes holding it, then content (Chatwoot's `order_by_search`).
 */
export async function listCannedResponses(
  db: Kysely<Database>,
  accountId: number,
  search?: string,
): Promise<CannedResponseRow[]> {
  let query = db.selectFrom('canned_responses').selectAll().where('account_id', '=', accountId);
  const q = search?.trim();
  if (q) {
    const anywhere = likePattern(q);
    const prefix = `${anywhere.slice(1, -1)}%`;
    query = query
      .where((eb) => eb.or([contains('short_code', anywhere), contains('content', anywhere)]))
      .orderBy(
        sql`case
          when short_code_key = ${q.toLowerCase()} then 0
          when ${contains('short_code', prefix)} then 1
          when ${contains('short_code', anywhere)} then 2
          else 3 end`,
      );
  }
  return query.orderBy('short_code_key').orderBy('id').execute();
}

export async function findCannedResponse(
  db: Kysely<Database>,
  accountId: number,
  id: number,
): Promise<CannedResponseRow | undefined> {
  return db
    .selectFrom('canned_responses')
    .selectAll()
    .where('account_id', '=', accountId)
    .where('id', '=', id)
    .executeTakeFirst();
}
