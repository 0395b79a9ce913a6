import type { Kysely } from 'kysely';
import type { DialectName } from '../dialect';

type AnyDb = Kysely<unknown>;

/**
 * Files attached to messages (issue 13). The bytes live in the attachment storage (a folder
 * under DATA_DIR, or an S3-compatible bucket) under `storage_key`; a row is written only after
 * its file is stored, so no row points at a missing file.
 */
export async function up(db: AnyDb, dialect: DialectName): Promise<void> {
  const table =
    dialect === 'postgres'
      ? db.schema.createTable('attachments').addColumn('id', 'serial', (c) => c.primaryKey())
      : db.schema
          .createTable('attachments')
          .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement());
  await table
    .addColumn('account_id', 'integer', (c) =>
      c.notNull().references('accounts.id').onDelete('cascade'),
    )
    .addColumn('message_id', 'integer', (c) =>
      c.notNull().references('messages.id').onDelete('cascade'),
    )
    /** Chatwoot's file_type: image, audio, video or file, decided from the sniffed content. */
    .addColumn('file_type', 'text', (c) => c.notNull())
    /** The sniffed media type the file is served with. */
    .addColumn('content_type', 'text', (c) => c.notNull())
    .addColumn('extension', 'text')
    /** The name the sender gave it, cleaned; only ever used in Content-Disposition. */
    .addColumn('file_name', 'text', (c) => c.notNull())
    .addColumn('file_size', 'bigint', (c) => c.notNull())
    .addColumn('width', 'integer')
    .addColumn('height', 'integer')
    .addColumn('storage_key', 'text', (c) => c.notNull().unique())
    .addColumn('thumb_key', 'text')
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('attachments_message')
    .on('attachments')
    .columns(['message_id', 'id'])
    .execute();
}
