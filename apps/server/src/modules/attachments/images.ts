import sharp from 'sharp';

/** Chatwoot's thumbnails fit in 250×250. */
const THUMB_SIZE = 250;
/** Decoding a huge image is a memory bomb: refuse to process more pixels than this. */
const MAX_PIXELS = 100_000_000;

export interface ImageFacts {
  width: number;
  height: number;
  thumbnail: Buffer;
}

/**
 * Size and thumbnail of an image (oriented as its EXIF says). Null when sharp cannot decode it
 * (a truncated or hostile file whose first bytes look like an image): it is then kept as a
 * plain file, never shown inline.
 */
export async function imageFacts(data: Buffer): Promise<ImageFacts | null> {
  try {
    const image = sharp(data, { limitInputPixels: MAX_PIXELS, failOn: 'error' }).rotate();
    const meta = await image.metadata();
    if (!meta.width || !meta.height) return null;
    const turned = (meta.orientation ?? 1) >= 5;
    const thumbnail = await image
      .resize(THUMB_SIZE, THUMB_SIZE, { fit: 'inside', withoutEnlargement: true })
      .webp({ quality: 80 })
      .toBuffer();
    return {
      width: turned ? meta.height : meta.width,
      height: turned ? meta.width : meta.height,
      thumbnail,
    };
  } catch {
    return null;
  }
}
