import type { Readable } from 'node:stream';

/**
 * Where attachment bytes live. Keys are chosen by the server (random, never from a file name).
 * `put` resolves only once the object is durably stored: a message row is written after it, so
 * no row points at a missing file (a crash in between leaves an unreferenced object, an orphan).
 */
export interface AttachmentStorage {
  readonly kind: 'disk' | 's3';
  put(key: string, body: Buffer, contentType: string): Promise<void>;
  /** The object's bytes as a stream; rejects with `StoredObjectMissing` when it is not there. */
  get(key: string): Promise<Readable>;
  /** Removes the object; a missing one is not an error. */
  delete(key: string): Promise<void>;
  /** Releases connections (S3 client). */
  close(): Promise<void>;
}

export class StoredObjectMissing extends Error {
  constructor(key: string) {
    super(`stored object ${key} is missing`);
    this.name = 'StoredObjectMissing';
  }
}
