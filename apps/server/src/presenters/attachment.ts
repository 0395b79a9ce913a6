import type { Attachment, AttachmentFileType } from '@bevatel/protocol';
import type { Kysely } from 'kysely';
import type { AttachmentRow, Database } from '../db/schema';
import { attachmentUrl } from '../lib/attachment-links';

/** An attachment in Chatwoot's shape, with freshly signed links. */
export function presentAttachment(row: AttachmentRow, nowMs = Date.now()): Attachment {
  return {
    id: row.id,
    message_id: row.message_id,
    file_type: row.file_type as AttachmentFileType,
    account_id: row.account_id,
    extension: row.extension,
    file_name: row.file_name,
    data_url: attachmentUrl(row.id, 'file', nowMs),
    thumb_url: row.thumb_key ? attachmentUrl(row.id, 'thumb', nowMs) : '',
    file_size: row.file_size,
    width: row.width,
    height: row.height,
  };
}

/** The attachments of a batch of messages, in one query, by message id (in upload order). */
export async function loadAttachments(
  db: Kysely<Database>,
  messageIds: readonly number[],
): Promise<Map<number, Attachment[]>> {
  const byMessage = new Map<number, Attachment[]>();
  if (messageIds.length === 0) return byMessage;
  const rows = await db
    .selectFrom('attachments')
    .selectAll()
    .where('message_id', 'in', [...new Set(messageIds)])
    .orderBy('id')
    .execute();
  const now = Date.now();
  for (const row of rows) {
    const list = byMessage.get(row.message_id) ?? [];
    list.push(presentAttachment(row, now));
    byMessage.set(row.message_id, list);
  }
  return byMessage;
}
