import type { Kysely } from 'kysely';
import type { Database, WebWidgetRow } from '../../db/schema';

/** The website channels of these inboxes, by inbox id. */
export async function widgetsOfInboxes(
  db: Kysely<Database>,
  inboxIds: readonly number[],
): Promise<Map<number, WebWidgetRow>> {
  if (inboxIds.length === 0) return new Map();
  const rows = await db
    .selectFrom('web_widgets')
    .selectAll()
    .where('inbox_id', 'in', [...inboxIds])
    .execute();
  return new Map(rows.map((row) => [row.inbox_id, row]));
}

export function widgetByWebsiteToken(
  db: Kysely<Database>,
  websiteToken: string,
): Promise<WebWidgetRow | undefined> {
  return db
    .selectFrom('web_widgets')
    .selectAll()
    .where('website_token', '=', websiteToken)
    .executeTakeFirst();
}

export function widgetByInboxIdentifier(
  db: Kysely<Database>,
  inboxIdentifier: string,
): Promise<WebWidgetRow | undefined> {
  return db
    .selectFrom('web_widgets')
    .selectAll()
    .where('inbox_identifier', '=', inboxIdentifier)
    .executeTakeFirst();
}
