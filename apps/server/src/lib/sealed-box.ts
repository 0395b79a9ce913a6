/**
 * Values the server must read back but a copy of the database must not reveal (app signing
 * secrets, personal access tokens): AES-256-GCM under a key derived from SECRET_KEY_BASE per
 * purpose, bound to their owner (GCM additional data) so a ciphertext moved onto another row
 * does not open.
 */
import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from 'node:crypto';

const VERSION = 'v1';
const IV_BYTES = 12;

const keys = new Map<string, Buffer>();

function keyFor(secretKeyBase: string, purpose: string): Buffer {
  const cacheKey = `${purpose}\u0000${secretKeyBase}`;
  let key = keys.get(cacheKey);
  if (!key) {
    key = Buffer.from(hkdfSync('sha256', secretKeyBase, Buffer.alloc(0), purpose, 32));
    keys.set(cacheKey, key);
  }
  return key;
}

/** What a sealed value is for (the HKDF info) and whose it is (the additional data). */
export interface SealContext {
  purpose: string;
  owner: string;
}

export function seal(plaintext: string, context: SealContext, secretKeyBase: string): string {
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv('aes-256-gcm', keyFor(secretKeyBase, context.purpose), iv);
  cipher.setAAD(Buffer.from(context.owner));
  const body = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
  const tag = cipher.getAuthTag();
  return [VERSION, ...[iv, body, tag].map((part) => part.toString('base64url'))].join('.');
}

/** The plaintext, or null when the stored value is damaged, foreign or under another key. */
export function unseal(stored: string, context: SealContext, secretKeyBase: string): string | null {
  const [version, iv, body, tag, extra] = stored.split('.');
  if (version !== VERSION || !iv || !body || !tag || extra !== undefined) return null;
  try {
    // A fixed tag length: GCM would otherwise accept a truncated (forgeable) tag.
    const decipher = createDecipheriv(
      'aes-256-gcm',
      keyFor(secretKeyBase, context.purpose),
      Buffer.from(iv, 'base64url'),
      { authTagLength: 16 },
    );
    decipher.setAAD(Buffer.from(context.owner));
    decipher.setAuthTag(Buffer.from(tag, 'base64url'));
    const plain = Buffer.concat([
      decipher.update(Buffer.from(body, 'base64url')),
      decipher.final(),
    ]);
    return plain.toString('utf8');
  } catch {
    return null;
  }
}
