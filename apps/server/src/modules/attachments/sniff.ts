import type { AttachmentFileType } from '@bevatel/protocol';
import { fileTypeFromBuffer } from 'file-type';

export interface SniffedType {
  fileType: AttachmentFileType;
  /** What the file is served with. */
  contentType: string;
  extension: string | null;
}

/**
 * Images the product shows inline and thumbnails: raster formats browsers draw and sharp reads.
 * SVG is not among them (it is a document that can carry script) and ends up as a `file`.
 */
const INLINE_IMAGES = new Set(['image/png', 'image/jpeg', 'image/gif', 'image/webp', 'image/avif']);

/**
 * The type of a file from its bytes (magic numbers), never from the name or the declared type
 * a client sent: a `.png` that is an HTML page is a `file` served as a download.
 */
export async function sniffType(data: Buffer): Promise<SniffedType> {
  const found = await fileTypeFromBuffer(data);
  if (!found) {
    return { fileType: 'file', contentType: 'application/octet-stream', extension: null };
  }
  const { mime, ext } = found;
  if (INLINE_IMAGES.has(mime)) return { fileType: 'image', contentType: mime, extension: ext };
  if (mime.startsWith('audio/')) return { fileType: 'audio', contentType: mime, extension: ext };
  if (mime.startsWith('video/')) return { fileType: 'video', contentType: mime, extension: ext };
  return { fileType: 'file', contentType: mime, extension: ext };
}
