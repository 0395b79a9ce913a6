/**
 * Signing secrets of dashboard apps: random, shown to the admin once, stored only encrypted
 * (AES-256-GCM under a key derived from SECRET_KEY_BASE), and bound to their app row so a
 * ciphertext copied onto another app does not decrypt.
 */
import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from 'node:crypto';

const VERSION = 'v1';
const HKDF_INFO = 'dashboard-app-secret';
const SECRET_BYTES = 32;
const IV_BYTES = 12;

const keys = new Map<string, Buffer>();

function keyFor(secretKeyBase: string): Buffer {
  let key = keys.get(secretKeyBase);
  if (!key) {
    key = Buffer.from(hkdfSync('sha256', secretKeyBase, Buffer.alloc(0), HKDF_INFO, 32));
    keys.set(secretKeyBase, key);
  }
  return key;
}

/** What the ciphertext is tied to (GCM additional data). */
export interface SecretOwner {
  accountId: number;
  appId: number;
}

const aadOf = ({ accountId, appId }: SecretOwner) =>
  Buffer.from(`dashboard_app:${accountId}:${appId}`);

/** A fresh secret, as the app developer pastes it: 32 random bytes, base64url. */
export function generateAppSecret(): string {
  return randomBytes(SECRET_BYTES).toString('base64url');
}

export function encryptAppSecret(
  secret: string,
  owner: SecretOwner,
  secretKeyBase: string,
): string {
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv('aes-256-gcm', keyFor(secretKeyBase), iv);
  cipher.setAAD(aadOf(owner));
  const body = Buffer.concat([cipher.update(secret, 'utf8'), cipher.final()]);
  const tag = cipher.getAuthTag();
  return [VERSION, iv, body, tag]
    .map((part) => (typeof part === 'string' ? part : part.toString('base64url')))
    .join('.');
}

/** The plaintext, or null when the stored value is damaged, foreign or under another key. */
export function decryptAppSecret(
  stored: string,
  owner: SecretOwner,
  secretKeyBase: string,
): string | null {
  const [version, iv, body, tag, extra] = stored.split('.');
  if (version !== VERSION || !iv || !body || !tag || extra !== undefined) return null;
  try {
    // A fixed tag length: GCM would otherwise accept a truncated (forgeable) tag.
    const decipher = createDecipheriv(
      'aes-256-gcm',
      keyFor(secretKeyBase),
      Buffer.from(iv, 'base64url'),
      { authTagLength: 16 },
    );
    decipher.setAAD(aadOf(owner));
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
