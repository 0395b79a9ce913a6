/**
 * Signed, expiring links to attachment files: `/attachments/:id/:variant?expires=…&signature=…`.
 * The link is the credential (an `<img>`, a dashboard app or a Chatwoot client loads it without
 * signing in), so it is handed out only inside messages, to those who may see the conversation,
 * and it stops working after `ttlSeconds` (rounded up to the hour, so one message presented
 * twice within the hour carries the same link and browsers cache it).
 */
import { createHmac, timingSafeEqual } from 'node:crypto';

export type AttachmentVariant = 'file' | 'thumb';

export interface AttachmentLinkSettings {
  /** The server's SECRET_KEY_BASE; the signing key is derived from it. */
  secretKeyBase: string;
  /** PUBLIC_URL: links are absolute, as Chatwoot's are. */
  publicUrl: string;
  ttlSeconds: number;
}

const ROUND_SECONDS = 3600;

let current: { key: Buffer; publicUrl: string; ttlSeconds: number } | null = null;

/**
 * Set once when the server is built. A process-wide setting because messages are presented by
 * pure functions in many places (inside commands' transactions too); one server process has one
 * secret and one public URL.
 */
export function configureAttachmentLinks(settings: AttachmentLinkSettings): void {
  current = {
    key: createHmac('sha256', settings.secretKeyBase)
      .update('bevatel attachment links v1')
      .digest(),
    publicUrl: settings.publicUrl.replace(/\/$/, ''),
    ttlSeconds: settings.ttlSeconds,
  };
}

function settings() {
  if (!current) throw new Error('attachment links are not configured (configureAttachmentLinks)');
  return current;
}

function signature(id: number, variant: AttachmentVariant, expires: number): string {
  return createHmac('sha256', settings().key)
    .update(`${id}.${variant}.${expires}`)
    .digest('base64url');
}

/** The path and query of a link valid until `expires` (Unix seconds). */
export function attachmentPath(id: number, variant: AttachmentVariant, expires: number): string {
  return `/attachments/${id}/${variant}?expires=${expires}&signature=${signature(id, variant, expires)}`;
}

/** An absolute link that works for the configured time from `nowMs`. */
export function attachmentUrl(id: number, variant: AttachmentVariant, nowMs = Date.now()): string {
  const { publicUrl, ttlSeconds } = settings();
  const expires = Math.ceil((nowMs / 1000 + ttlSeconds) / ROUND_SECONDS) * ROUND_SECONDS;
  return `${publicUrl}${attachmentPath(id, variant, expires)}`;
}

export type LinkCheck = 'valid' | 'expired' | 'bad_signature';

/** Checks a link's signature first (so an expiry cannot be probed for ids one has no link to). */
export function checkAttachmentLink(
  id: number,
  variant: AttachmentVariant,
  expires: number,
  given: string,
  nowMs = Date.now(),
): LinkCheck {
  const expected = Buffer.from(signature(id, variant, expires));
  const actual = Buffer.from(given);
  if (expected.length !== actual.length || !timingSafeEqual(expected, actual)) {
    return 'bad_signature';
  }
  return expires * 1000 <= nowMs ? 'expired' : 'valid';
}
