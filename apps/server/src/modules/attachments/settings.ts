import type { S3Settings } from './s3-storage';

/** ATTACHMENT_* settings (see the README's table). */
export interface AttachmentSettings {
  /** Largest file accepted, in bytes; larger ones are answered 413. */
  maxBytes: number;
  /** Files one message may carry. */
  maxFiles: number;
  /** How long a signed link works (then rounded up to the hour). */
  urlTtlSeconds: number;
  storage: { kind: 'disk'; dir: string } | ({ kind: 's3' } & S3Settings);
}

export const DEFAULT_ATTACHMENT_MAX_BYTES = 40 * 1024 * 1024;
export const DEFAULT_ATTACHMENT_MAX_FILES = 10;
export const DEFAULT_ATTACHMENT_URL_TTL_SECONDS = 6 * 3600;
