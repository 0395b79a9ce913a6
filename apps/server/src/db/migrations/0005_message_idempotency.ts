import { sql, type Kysely } from 'kysely';

interface DuplicateRow {
  id: number;
  source_id: string;
  content_attributes: string;
}

/**
 * Message creation is idempotent within a conversation on the client's `echo_id` (now stored)
 * and on `source_id` (the external id an API inbox's integration sends): a retry after a cut
 * connection or a crash answers the first message instead of storing a second copy. The unique
 * indexes are what holds that under concurrent retries; they cover only rows that have a key.
 *
 * Copies stored before this (the same source_id twice in one conversation) keep their content;
 * all but the first give their source_id up to `content_attributes.duplicate_source_id`, so the
 * index can be built.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('messages').addColumn('echo_id', 'text').execute();

  const { rows } = await sql<DuplicateRow>`
    select m.id, m.source_id, m.content_attributes from messages m
    where m.source_id is not null and exists (
      select 1 from messages first
      where first.conversation_id = m.conversation_id
        and first.source_id = m.source_id
        and first.id < m.id
    )`.execute(db);
  for (const row of rows) {
    let attributes: Record<string, unknown> = {};
    try {
      const parsed: unknown = JSON.parse(row.content_attributes);
      if (parsed && typeof parsed === 'object' && !Array.isArray(parsed)) {
        attributes = parsed as Record<string, unknown>;
      }
    } catch {
      // unreadable attributes are replaced by the note below
    }
    const merged = JSON.stringify({ ...attributes, duplicate_source_id: row.source_id });
    await sql`update messages set source_id = null, content_attributes = ${merged}
      where id = ${row.id}`.execute(db);
  }

  await db.schema
    .createIndex('messages_conversation_echo_id')
    .on('messages')
    .columns(['conversation_id', 'echo_id'])
    .unique()
    .where(sql.ref('echo_id'), 'is not', null)
    .execute();
  await db.schema
    .createIndex('messages_conversation_source_id')
    .on('messages')
    .columns(['conversation_id', 'source_id'])
    .unique()
    .where(sql.ref('source_id'), 'is not', null)
    .execute();
}
