/**
 * The widget's keys and its identity-verification secret. `website_token` names the widget to
 * the launcher, `inbox_identifier` names the inbox in the public API; both are public (they
 * are in the site's HTML). The HMAC secret is not: it is sealed under SECRET_KEY_BASE and only
 * administrators read it back. Visitors hold `source_id` (the public API's contact
 * identifier) and `pubsub_token` (the socket's), both random and unguessable.
 */
import { createHmac, randomBytes, randomUUID, timingSafeEqual } from 'node:crypto';
import { seal, unseal } from './sealed-box';

const HMAC_PURPOSE = 'web-widget-hmac';

export const newWebsiteToken = (): string => randomBytes(18).toString('base64url');
export const newInboxIdentifier = (): string => randomUUID().replaceAll('-', '');
export const newHmacToken = (): string => randomBytes(32).toString('hex');
export const newSourceId = (): string => randomUUID();
export const newPubsubToken = (): string => randomBytes(24).toString('base64url');

export function sealHmacToken(token: string, inboxId: number, secretKeyBase: string): string {
  return seal(token, { purpose: HMAC_PURPOSE, owner: `inbox:${inboxId}` }, secretKeyBase);
}

export function unsealHmacToken(
  sealed: string,
  inboxId: number,
  secretKeyBase: string,
): string | null {
  return unseal(sealed, { purpose: HMAC_PURPOSE, owner: `inbox:${inboxId}` }, secretKeyBase);
}

/** Chatwoot's identifier_hash: hex HMAC-SHA256 of the identifier, keyed with the inbox's secret. */
export function identifierHash(identifier: string, hmacToken: string): string {
  return createHmac('sha256', hmacToken).update(identifier).digest('hex');
}

/** Whether `hash` is the identifier's hash, compared in constant time. */
export function isValidIdentifierHash(identifier: string, hash: string, hmacToken: string) {
  const expected = Buffer.from(identifierHash(identifier, hmacToken), 'utf8');
  const given = Buffer.from(hash.toLowerCase(), 'utf8');
  return given.length === expected.length && timingSafeEqual(given, expected);
}
