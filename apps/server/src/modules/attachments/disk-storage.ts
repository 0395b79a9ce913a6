import { createReadStream } from 'node:fs';
import { mkdir, open, rename, rm, stat } from 'node:fs/promises';
import { dirname, join, resolve, sep } from 'node:path';
import type { Readable } from 'node:stream';
import { randomToken } from '../../lib/tokens';
import { StoredObjectMissing, type AttachmentStorage } from './storage';

/** Attachments as files under one folder (DATA_DIR/attachments by default). */
export function diskStorage(root: string): AttachmentStorage {
  const base = resolve(root);
  const pathOf = (key: string) => {
    const path = resolve(base, key);
    // Keys are the server's own, but a key must never leave the folder whatever it holds.
    if (!path.startsWith(base + sep)) throw new Error(`attachment key outside storage: ${key}`);
    return path;
  };
  return {
    kind: 'disk',
    async put(key, body) {
      const path = pathOf(key);
      await mkdir(dirname(path), { recursive: true });
      // Written beside, flushed, then renamed: a reader never sees half a file, and the bytes
      // are on disk before the transaction that refers to them commits.
      const partial = join(dirname(path), `.${randomToken(9)}.partial`);
      const handle = await open(partial, 'wx', 0o600);
      try {
        await handle.writeFile(body);
        await handle.sync();
      } finally {
        await handle.close();
      }
      await rename(partial, path);
      const folder = await open(dirname(path), 'r');
      try {
        await folder.sync();
      } finally {
        await folder.close();
      }
    },
    async get(key) {
      const path = pathOf(key);
      try {
        await stat(path);
      } catch {
        throw new StoredObjectMissing(key);
      }
      return createReadStream(path) as Readable;
    },
    async delete(key) {
      await rm(pathOf(key), { force: true });
    },
    async close() {},
  };
}
