import type { AttachmentFileType } from '@bevatel/protocol';
import type { FastifyBaseLogger } from 'fastify';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema';
import { randomToken } from '../../lib/tokens';
import { imageFacts } from './images';
import type { Upload } from './multipart';
import { sniffType } from './sniff';
import type { AttachmentStorage } from './storage';

/** A file in the storage, ready to be referred to by an `attachments` row. */
export interface StoredUpload {
  fileType: AttachmentFileType;
  contentType: string;
  extension: string | null;
  fileName: string;
  fileSize: number;
  width: number | null;
  height: number | null;
  storageKey: string;
  thumbKey: string | null;
}

/** What the storage holds around one write path. */
export interface AttachmentDeps {
  db: Kysely<Database>;
  attachments: { storage: AttachmentStorage };
  log: FastifyBaseLogger;
}

/** A file name safe to show and to put in Content-Disposition: no path, no controls. */
export function cleanFileName(name: string, extension: string | null): string {
  const base = (name.split(/[\\/]/).pop() ?? '')
    // eslint-disable-next-line no-control-regex
    .replace(/[\u0000-\u001f\u007f"]/g, '')
    .trim()
    .slice(0, 200);
  if (base && base !== '.' && base !== '..') return base;
  return extension ? `attachment.${extension}` : 'attachment';
}

/** Sniffs, measures and thumbnails each file, and puts it (and its thumbnail) in the storage. */
async function storeOne(
  storage: AttachmentStorage,
  accountId: number,
  upload: Upload,
): Promise<StoredUpload> {
  const sniffed = await sniffType(upload.data);
  const image = sniffed.fileType === 'image' ? await imageFacts(upload.data) : null;
  // An "image" sharp cannot decode is kept as a file: never drawn inline.
  const fileType = sniffed.fileType === 'image' && !image ? 'file' : sniffed.fileType;
  const storageKey = `${accountId}/${randomToken(18)}`;
  const thumbKey = image ? `${storageKey}.thumb.webp` : null;
  await storage.put(storageKey, upload.data, sniffed.contentType);
  if (image && thumbKey) await storage.put(thumbKey, image.thumbnail, 'image/webp');
  return {
    fileType,
    contentType:
      fileType === 'file' && sniffed.fileType === 'image'
        ? 'application/octet-stream'
        : sniffed.contentType,
    extension: sniffed.extension,
    fileName: cleanFileName(upload.fileName, sniffed.extension),
    fileSize: upload.data.length,
    width: image?.width ?? null,
    height: image?.height ?? null,
    storageKey,
    thumbKey,
  };
}

const keysOf = (stored: readonly StoredUpload[]) =>
  stored.flatMap((item) => (item.thumbKey ? [item.storageKey, item.thumbKey] : [item.storageKey]));

/**
 * Deletes the objects among `keys` that no attachment row refers to: after a write that rolled
 * back, a retried request answered with its first message, or a deleted message. Failures are
 * logged and leave orphans (harmless bytes), never a row without its file.
 */
export async function dropUnreferenced(
  deps: AttachmentDeps,
  keys: readonly string[],
): Promise<void> {
  if (keys.length === 0) return;
  try {
    const rows = await deps.db
      .selectFrom('attachments')
      .select(['storage_key', 'thumb_key'])
      .where((eb) => eb.or([eb('storage_key', 'in', [...keys]), eb('thumb_key', 'in', [...keys])]))
      .execute();
    const kept = new Set(rows.flatMap((row) => [row.storage_key, row.thumb_key]));
    for (const key of keys) {
      if (!kept.has(key)) await deps.attachments.storage.delete(key);
    }
  } catch (error) {
    deps.log.warn({ err: error, keys }, 'attachment files left behind (orphans)');
  }
}

/**
 * Stores the files, then runs `write` (the transaction that refers to them). The order is the
 * point: the files are durably stored before any row can point at them, so a crash in between
 * leaves unreferenced files (orphans, documented) but never a message with a missing file.
 * Whatever `write` does, files it did not end up referring to are removed afterwards.
 */
export async function withStoredUploads<R>(
  deps: AttachmentDeps,
  accountId: number,
  uploads: readonly Upload[],
  write: (stored: StoredUpload[]) => Promise<R>,
): Promise<R> {
  if (uploads.length === 0) return write([]);
  const stored: StoredUpload[] = [];
  try {
    for (const upload of uploads)
      stored.push(await storeOne(deps.attachments.storage, accountId, upload));
    return await write(stored);
  } finally {
    await dropUnreferenced(deps, keysOf(stored));
  }
}
