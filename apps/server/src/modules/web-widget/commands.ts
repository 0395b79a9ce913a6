import type { Kysely } from 'kysely';
import type { Database, WebWidgetRow } from '../../db/schema';
import { nowMs } from '../../lib/time';
import type { WidgetColumns } from './settings';
import {
  newHmacToken,
  newInboxIdentifier,
  newWebsiteToken,
  sealHmacToken,
} from '../../lib/widget-tokens';

/** The website channel of a new `Channel::WebWidget` inbox, with fresh keys and secret. */
export async function createWidgetChannel(
  trx: Kysely<Database>,
  inbox: { id: number; account_id: number },
  columns: WidgetColumns,
  secretKeyBase: string,
  /** Fixed keys instead of fresh ones (the demo shop knows its widget's). */
  keys: { websiteToken?: string; hmacToken?: string } = {},
): Promise<WebWidgetRow> {
  const now = nowMs();
  return trx
    .insertInto('web_widgets')
    .values({
      ...columns,
      account_id: inbox.account_id,
      inbox_id: inbox.id,
      website_token: keys.websiteToken ?? newWebsiteToken(),
      inbox_identifier: newInboxIdentifier(),
      website_url: columns.website_url ?? null,
      welcome_title: columns.welcome_title ?? null,
      welcome_tagline: columns.welcome_tagline ?? null,
      out_of_office_message: columns.out_of_office_message ?? null,
      hmac_token_sealed: sealHmacToken(keys.hmacToken ?? newHmacToken(), inbox.id, secretKeyBase),
      created_at: now,
      updated_at: now,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
}

export async function updateWidgetChannel(
  trx: Kysely<Database>,
  inboxId: number,
  columns: WidgetColumns,
): Promise<void> {
  if (Object.keys(columns).length === 0) return;
  await trx
    .updateTable('web_widgets')
    .set({ ...columns, updated_at: nowMs() })
    .where('inbox_id', '=', inboxId)
    .execute();
}
