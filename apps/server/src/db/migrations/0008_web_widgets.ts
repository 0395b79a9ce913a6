import { randomBytes, randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import { sealHmacToken } from '../../lib/widget-tokens';
import type { DialectName } from '../dialect';
import type { MigrationContext } from '../migrate';

// Unknown table shape: migrations must not depend on the current schema types.
type AnyDb = Kysely<unknown>;
type UntypedDb = Kysely<Record<string, Record<string, unknown>>>;

/**
 * The website live-chat channel (issue 15): one `web_widgets` row per `Channel::WebWidget`
 * inbox with the widget's keys and options, and a realtime token per visitor on
 * `contact_inboxes` (Chatwoot's pubsub_token). Inboxes of that type created before this
 * migration get their row here, with fresh keys and an HMAC secret sealed under
 * SECRET_KEY_BASE.
 */
export async function up(
  db: AnyDb,
  dialect: DialectName,
  context: MigrationContext,
): Promise<void> {
  const schema = db.schema;
  const untyped = db as unknown as UntypedDb;
  const existing = (await untyped
    .selectFrom('inboxes')
    .select(['id', 'account_id'])
    .where('channel_type', '=', 'Channel::WebWidget')
    .execute()) as { id: number; account_id: number }[];
  if (existing.length > 0 && !context.secretKeyBase) {
    throw new Error('Migration 0008 seals web widget secrets: it needs SECRET_KEY_BASE');
  }

  const table = schema.createTable('web_widgets');
  await (
    dialect === 'postgres'
      ? table.addColumn('id', 'serial', (c) => c.primaryKey())
      : table.addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
  )
    .addColumn('account_id', 'integer', (c) =>
      c.notNull().references('accounts.id').onDelete('cascade'),
    )
    .addColumn('inbox_id', 'integer', (c) =>
      c.notNull().unique().references('inboxes.id').onDelete('cascade'),
    )
    .addColumn('website_token', 'text', (c) => c.notNull().unique())
    .addColumn('inbox_identifier', 'text', (c) => c.notNull().unique())
    .addColumn('website_url', 'text')
    .addColumn('widget_color', 'text', (c) => c.notNull().defaultTo('#1f93ff'))
    .addColumn('widget_theme', 'text', (c) => c.notNull().defaultTo('auto'))
    .addColumn('locale', 'text', (c) => c.notNull().defaultTo('en'))
    .addColumn('welcome_title', 'text')
    .addColumn('welcome_tagline', 'text')
    .addColumn('greeting_enabled', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('out_of_office_message', 'text')
    /** JSON {ar: {welcome_title, welcome_tagline, greeting_message, out_of_office_message}}. */
    .addColumn('translations', 'text', (c) => c.notNull().defaultTo('{}'))
    .addColumn('pre_chat_form_enabled', 'integer', (c) => c.notNull().defaultTo(0))
    /** JSON {pre_chat_message, pre_chat_fields: [...]}, Chatwoot's shape. */
    .addColumn('pre_chat_form_options', 'text', (c) => c.notNull().defaultTo('{}'))
    .addColumn('working_hours_enabled', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('timezone', 'text', (c) => c.notNull().defaultTo('UTC'))
    /** JSON array of Chatwoot's working hours, one per day of week. */
    .addColumn('working_hours', 'text', (c) => c.notNull().defaultTo('[]'))
    /** JSON array of host patterns; empty: any site may embed the widget. */
    .addColumn('allowed_domains', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('hmac_token_sealed', 'text', (c) => c.notNull())
    .addColumn('hmac_mandatory', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .execute();

  await schema.alterTable('contact_inboxes').addColumn('pubsub_token', 'text').execute();
  await schema
    .createIndex('contact_inboxes_pubsub_token')
    .on('contact_inboxes')
    .column('pubsub_token')
    .unique()
    .execute();

  const now = Date.now();
  for (const inbox of existing) {
    await untyped
      .insertInto('web_widgets')
      .values({
        account_id: inbox.account_id,
        inbox_id: inbox.id,
        website_token: randomBytes(18).toString('base64url'),
        inbox_identifier: randomUUID().replaceAll('-', ''),
        hmac_token_sealed: sealHmacToken(
          randomBytes(32).toString('hex'),
          inbox.id,
          context.secretKeyBase ?? '',
        ),
        created_at: now,
        updated_at: now,
      })
      .execute();
  }
}
