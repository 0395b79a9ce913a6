/**
 * Signing secrets of dashboard apps: random, shown to the admin once, stored only sealed
 * (lib/sealed-box) and bound to their app row so a ciphertext copied onto another app does not
 * decrypt.
 */
import { randomBytes } from 'node:crypto';
import { seal, unseal, type SealContext } from '../../lib/sealed-box';

const SECRET_BYTES = 32;

/** What the ciphertext is tied to (GCM additional data). */
export interface SecretOwner {
  accountId: number;
  appId: number;
}

const contextOf = ({ accountId, appId }: SecretOwner): SealContext => ({
  purpose: 'dashboard-app-secret',
  owner: `dashboard_app:${accountId}:${appId}`,
});

/** A fresh secret, as the app developer pastes it: 32 random bytes, base64url. */
export function generateAppSecret(): string {
  return randomBytes(SECRET_BYTES).toString('base64url');
}

export function encryptAppSecret(
  secret: string,
  owner: SecretOwner,
  secretKeyBase: string,
): string {
  return seal(secret, contextOf(owner), secretKeyBase);
}

/** The plaintext, or null when the stored value is damaged, foreign or under another key. */
export function decryptAppSecret(
  stored: string,
  owner: SecretOwner,
  secretKeyBase: string,
): string | null {
  return unseal(stored, contextOf(owner), secretKeyBase);
}
