import type { Kysely } from 'kysely';

/**
 * What each dashboard app may do through the level-2 protocol (PROTOCOL.md), as a JSON array
 * of permission names. Apps registered before level 2 keep what they had: private notes in
 * their context (`notes:read`, granted by default for compatibility), nothing else.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .alterTable('dashboard_apps')
    .addColumn('permissions', 'text', (c) => c.notNull().defaultTo('["notes:read"]'))
    .execute();
}
