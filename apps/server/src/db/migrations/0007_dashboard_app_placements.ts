import { sql, type Kysely } from 'kysely';

/**
 * Where dashboard apps appear and for whom (issue 12). Every column has a default that keeps
 * an existing app as it was: shown as a conversation tab, to everyone, enabled, in creation
 * order, without settings or proxy hosts. JSON documents are text, like the rest of the schema.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  const columns: Array<[string, 'text' | 'integer', unknown]> = [
    ['title_ar', 'text', null],
    ['description', 'text', null],
    ['icon_url', 'text', null],
    ['locations', 'text', '["conversation.tab"]'],
    ['visibility', 'text', '{"inbox_ids":[],"team_ids":[],"roles":[]}'],
    ['enabled', 'integer', 1],
    ['position', 'integer', 0],
    /** Definitions of the per-install settings. */
    ['settings', 'text', '[]'],
    /** Plain values by name. */
    ['setting_values', 'text', '{}'],
    /** Secure values by name, as one sealed JSON object (lib/sealed-box.ts); null when none. */
    ['secure_settings', 'text', null],
    ['proxy_allowlist', 'text', '[]'],
  ];
  for (const [name, type, fallback] of columns) {
    await db.schema
      .alterTable('dashboard_apps')
      .addColumn(name, type, (c) => (fallback === null ? c : c.notNull().defaultTo(fallback)))
      .execute();
  }
  // Existing apps keep the order they had: by creation.
  await sql`update dashboard_apps set position = id`.execute(db);
}
