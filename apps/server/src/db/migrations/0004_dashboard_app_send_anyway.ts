import type { Kysely } from 'kysely';

/**
 * Whether agents may send a reply anyway when this app's `composer.beforeSend` objects to it
 * (1, the default) or must change the draft first (0). The administrator decides, per app.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .alterTable('dashboard_apps')
    .addColumn('allow_send_anyway', 'integer', (c) => c.notNull().defaultTo(1))
    .execute();
}
