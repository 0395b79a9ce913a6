/**
 * Webhook signing secrets: random, shown to the administrator once (at creation and at each
 * rotation), stored only sealed (lib/sealed-box) and bound to their webhook row.
 */
import { createHmac, randomBytes } from 'node:crypto';
import { seal, unseal, type SealContext } from '../../lib/sealed-box';

const contextOf = (accountId: number, webhookId: number): SealContext => ({
  purpose: 'webhook-secret',
  owner: `webhook:${accountId}:${webhookId}`,
});

/** 32 random bytes, base64url: what the receiver pastes into its configuration. */
export const generateWebhookSecret = (): string => randomBytes(32).toString('base64url');

export function sealWebhookSecret(
  secret: string,
  owner: { accountId: number; webhookId: number },
  secretKeyBase: string,
): string {
  return seal(secret, contextOf(owner.accountId, owner.webhookId), secretKeyBase);
}

/** The secret, or null when the stored value is damaged or sealed under another key. */
export function openWebhookSecret(
  sealed: string,
  owner: { accountId: number; webhookId: number },
  secretKeyBase: string,
): string | null {
  return unseal(sealed, contextOf(owner.accountId, owner.webhookId), secretKeyBase);
}

/** `sha256=<hex HMAC-SHA256 of "<timestamp>.<raw body>">`: X-Bevatel-Signature. */
export function webhookSignature(secret: string, timestamp: number, body: string): string {
  const mac = createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex');
  return `sha256=${mac}`;
}
