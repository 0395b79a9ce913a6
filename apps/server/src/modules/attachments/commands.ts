import type { Kysely } from 'kysely';
import type { Tx } from '../../core/commands';
import type { Database, MessageRow } from '../../db/schema';
import type { StoredUpload } from './stored';

/** Refers a new message to its stored files, inside the message's transaction. */
export async function insertAttachments(
  tx: Tx,
  message: Pick<MessageRow, 'id' | 'account_id'>,
  stored: readonly StoredUpload[],
): Promise<void> {
  if (stored.length === 0) return;
  const now = Date.now();
  await tx.db
    .insertInto('attachments')
    .values(
      stored.map((file) => ({
        account_id: message.account_id,
        message_id: message.id,
        file_type: file.fileType,
        content_type: file.contentType,
        extension: file.extension,
        file_name: file.fileName,
        file_size: file.fileSize,
        width: file.width,
        height: file.height,
        storage_key: file.storageKey,
        thumb_key: file.thumbKey,
        created_at: now,
      })),
    )
    .execute();
}

/** Chatwoot removes a deleted message's files: the rows go here, the bytes after the commit. */
export async function deleteAttachmentsOf(tx: Tx, messageId: number): Promise<void> {
  await tx.db.deleteFrom('attachments').where('message_id', '=', messageId).execute();
}

/** The storage keys of a message's files (read before deleting it, dropped after). */
export async function attachmentKeysOf(db: Kysely<Database>, messageId: number): Promise<string[]> {
  const rows = await db
    .selectFrom('attachments')
    .select(['storage_key', 'thumb_key'])
    .where('message_id', '=', messageId)
    .execute();
  return rows.flatMap((row) =>
    row.thumb_key ? [row.storage_key, row.thumb_key] : [row.storage_key],
  );
}
