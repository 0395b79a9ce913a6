/**
 * One-time links (invitations, password resets): a random token handed out once, of which the
 * database keeps only the SHA-256 digest, with an expiry; a link is used by one conditional
 * update (`status = 'pending' and expires_at > now`), so two concurrent uses cannot both win.
 */
import { Type } from 'typebox';
import { HttpError } from './errors';
import { randomToken, sha256 } from './tokens';

/** The path segment of a link: 256 random bits, base64url. */
export const LinkTokenParams = Type.Object(
  { token: Type.String({ minLength: 20, maxLength: 100, pattern: '^[A-Za-z0-9_-]+$' }) },
  { additionalProperties: false },
);

/** A new link's token (to hand out, never stored) and its digest (to store). */
export function newLinkToken(): { token: string; digest: string } {
  const token = randomToken();
  return { token, digest: sha256(token) };
}

export const linkDigest = (token: string): string => sha256(token);

/** A link that was used, withdrawn or has expired: 410, with what to do next. */
export const linkGone = (message: string) => new HttpError('gone', message);

/** Whether a pending link may still be used at `now`. */
export const isOpen = (row: { status: string; expires_at: number }, now: number): boolean =>
  row.status === 'pending' && row.expires_at > now;

// Guessing tokens is hopeless (256 bits), but the budget keeps each attempt cheap for us.
export const LINK_TOKEN_LIMIT = { rateLimit: { max: 30, timeWindow: '1 minute' } };
