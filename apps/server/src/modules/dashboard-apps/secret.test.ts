import { describe, expect, it } from 'vitest';
import { decryptAppSecret, encryptAppSecret, generateAppSecret } from './secret';

const KEY_BASE = 'k'.repeat(128);
const OWNER = { accountId: 1, appId: 7 };

describe('dashboard app secrets', () => {
  it('are 32 random bytes in base64url, different every time', () => {
    const a = generateAppSecret();
    expect(a).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(Buffer.from(a, 'base64url')).toHaveLength(32);
    expect(generateAppSecret()).not.toBe(a);
  });

  it('round-trip through AES-256-GCM, never stored in the clear', () => {
    const secret = generateAppSecret();
    const stored = encryptAppSecret(secret, OWNER, KEY_BASE);
    expect(stored).not.toContain(secret);
    expect(stored).toMatch(/^v1\.[\w-]+\.[\w-]+\.[\w-]+$/);
    expect(encryptAppSecret(secret, OWNER, KEY_BASE)).not.toBe(stored);
    expect(decryptAppSecret(stored, OWNER, KEY_BASE)).toBe(secret);
  });

  it('refuse another key, another app, tampering and truncated tags', () => {
    const stored = encryptAppSecret(generateAppSecret(), OWNER, KEY_BASE);
    expect(decryptAppSecret(stored, OWNER, 'x'.repeat(128))).toBe(null);
    expect(decryptAppSecret(stored, { accountId: 1, appId: 8 }, KEY_BASE)).toBe(null);
    expect(decryptAppSecret(stored, { accountId: 2, appId: 7 }, KEY_BASE)).toBe(null);
    const [v, iv, body, tag] = stored.split('.') as [string, string, string, string];
    const flipped = Buffer.from(body, 'base64url');
    flipped[0] = (flipped[0] ?? 0) ^ 1;
    expect(
      decryptAppSecret([v, iv, flipped.toString('base64url'), tag].join('.'), OWNER, KEY_BASE),
    ).toBe(null);
    const shortTag = Buffer.from(tag, 'base64url').subarray(0, 4).toString('base64url');
    expect(decryptAppSecret([v, iv, body, shortTag].join('.'), OWNER, KEY_BASE)).toBe(null);
    expect(decryptAppSecret('garbage', OWNER, KEY_BASE)).toBe(null);
    expect(decryptAppSecret(`${stored}.x`, OWNER, KEY_BASE)).toBe(null);
  });
});
