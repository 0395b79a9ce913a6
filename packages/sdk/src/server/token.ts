/** HS256 JWTs for the signed context, with node:crypto only (no JWT library). */
import { createHmac, timingSafeEqual } from 'node:crypto';
import { CONTEXT_TOKEN_MAX_TTL_SEC, USER_ROLES } from '@bevatel/protocol';
import type { ContextTokenClaims } from '@bevatel/protocol';
import { ContextTokenError } from './errors';

export type ContextTokenSecret = string | Uint8Array;

export interface VerifyContextTokenOptions {
  /** The app's own origin, e.g. "https://orders.example.com" (or several accepted origins). */
  audience: string | readonly string[];
  /** The installation's base URL; checked only when given. */
  issuer?: string | readonly string[];
  /** Allowed clock skew in seconds for `exp`, `iat` and `nbf`. Default 30. */
  clockToleranceSec?: number;
  /** The current time: a Date, or Unix seconds. Default: now. */
  now?: Date | number;
}

const BASE64URL = /^[A-Za-z0-9_-]+$/;
const HS256_HEADER = base64url(JSON.stringify({ alg: 'HS256', typ: 'JWT' }));

function base64url(input: string | Buffer): string {
  return Buffer.from(input).toString('base64url');
}

function checkSecret(secret: ContextTokenSecret): Buffer {
  const key = typeof secret === 'string' ? Buffer.from(secret, 'utf8') : Buffer.from(secret);
  if (key.length === 0) throw new TypeError('The signing secret must not be empty');
  return key;
}

function hmac(key: Buffer, signingInput: string): Buffer {
  return createHmac('sha256', key).update(signingInput).digest();
}

function decodeJson(part: string, what: string): Record<string, unknown> {
  let value: unknown;
  try {
    value = JSON.parse(Buffer.from(part, 'base64url').toString('utf8'));
  } catch {
    throw new ContextTokenError('malformed', `The token ${what} is not base64url JSON`);
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new ContextTokenError('malformed', `The token ${what} is not a JSON object`);
  }
  return value as Record<string, unknown>;
}

const STRING_CLAIMS = ['iss', 'aud', 'sub', 'jti'] as const;
const INTEGER_CLAIMS = ['account_id', 'app_id', 'iat', 'exp'] as const;
/** Null where the app's location has none: no conversation on the contact page, no contact on the full page. */
const NULLABLE_INTEGER_CLAIMS = ['conversation_id', 'contact_id', 'inbox_id'] as const;

function checkClaimShapes(payload: Record<string, unknown>): ContextTokenClaims {
  for (const name of STRING_CLAIMS) {
    if (typeof payload[name] !== 'string') {
      throw new ContextTokenError('malformed', `The claim "${name}" is missing or not a string`);
    }
  }
  for (const name of INTEGER_CLAIMS) {
    if (!Number.isSafeInteger(payload[name])) {
      throw new ContextTokenError('malformed', `The claim "${name}" is missing or not an integer`);
    }
  }
  for (const name of NULLABLE_INTEGER_CLAIMS) {
    if (payload[name] !== null && !Number.isSafeInteger(payload[name])) {
      throw new ContextTokenError(
        'malformed',
        `The claim "${name}" is missing or neither an integer nor null`,
      );
    }
  }
  if (payload.location !== undefined && typeof payload.location !== 'string') {
    throw new ContextTokenError('malformed', 'The claim "location" is not a string');
  }
  if (!(USER_ROLES as readonly unknown[]).includes(payload.role)) {
    throw new ContextTokenError('malformed', 'The claim "role" is missing or unknown');
  }
  if (payload.nbf !== undefined && typeof payload.nbf !== 'number') {
    throw new ContextTokenError('malformed', 'The claim "nbf" is not a number');
  }
  return payload as unknown as ContextTokenClaims;
}

function nowInSeconds(now: Date | number | undefined): number {
  if (now === undefined) return Date.now() / 1000;
  return now instanceof Date ? now.getTime() / 1000 : now;
}

function asList(value: string | readonly string[]): readonly string[] {
  return typeof value === 'string' ? [value] : value;
}

/**
 * Verifies a context token (`data.token` of the appContext) and returns its claims, or throws
 * a `ContextTokenError`. Only HS256 is accepted; the signature is checked before any claim.
 */
export function verifyContextToken(
  token: string,
  secret: ContextTokenSecret,
  options: VerifyContextTokenOptions,
): ContextTokenClaims {
  const key = checkSecret(secret);
  if (!options || options.audience === undefined || asList(options.audience).length === 0) {
    throw new TypeError('verifyContextToken needs options.audience (your app origin)');
  }
  if (typeof token !== 'string' || token.length > 8192) {
    throw new ContextTokenError('malformed', 'The token is not a string of reasonable length');
  }
  const parts = token.split('.');
  const [encodedHeader = '', encodedPayload = '', encodedSignature = ''] = parts;
  // An empty signature is left to the algorithm check, so that alg "none" is named as such.
  if (
    parts.length !== 3 ||
    !BASE64URL.test(encodedHeader) ||
    !BASE64URL.test(encodedPayload) ||
    !(encodedSignature === '' || BASE64URL.test(encodedSignature))
  ) {
    throw new ContextTokenError('malformed', 'The token is not three base64url parts');
  }
  const header = decodeJson(encodedHeader, 'header');
  if (header.alg !== 'HS256') {
    throw new ContextTokenError('unsupported_alg', 'The token algorithm must be HS256');
  }
  if (header.crit !== undefined) {
    throw new ContextTokenError('malformed', 'The token has critical header extensions');
  }
  // Compare canonical base64url text, so that no second spelling of a signature is accepted.
  const expected = Buffer.from(
    hmac(key, `${encodedHeader}.${encodedPayload}`).toString('base64url'),
  );
  const actual = Buffer.from(encodedSignature);
  if (actual.length !== expected.length || !timingSafeEqual(actual, expected)) {
    throw new ContextTokenError('bad_signature', 'The token signature does not match');
  }

  const claims = checkClaimShapes(decodeJson(encodedPayload, 'payload'));
  const tolerance = options.clockToleranceSec ?? 30;
  const now = nowInSeconds(options.now);
  if (claims.exp <= claims.iat) {
    throw new ContextTokenError('malformed', 'The token expires before it was issued');
  }
  if (claims.exp - claims.iat > CONTEXT_TOKEN_MAX_TTL_SEC) {
    throw new ContextTokenError(
      'lifetime_too_long',
      `The token lives longer than ${CONTEXT_TOKEN_MAX_TTL_SEC} s`,
    );
  }
  if (now >= claims.exp + tolerance) {
    throw new ContextTokenError('expired', 'The token has expired');
  }
  const nbf = (claims as ContextTokenClaims & { nbf?: number }).nbf;
  if (claims.iat > now + tolerance || (nbf !== undefined && nbf > now + tolerance)) {
    throw new ContextTokenError('not_yet_valid', 'The token is not valid yet');
  }
  if (!asList(options.audience).includes(claims.aud)) {
    throw new ContextTokenError('wrong_audience', 'The token was issued for another app origin');
  }
  if (options.issuer !== undefined && !asList(options.issuer).includes(claims.iss)) {
    throw new ContextTokenError('wrong_issuer', 'The token was issued by another installation');
  }
  return claims;
}

/**
 * Signs claims as an HS256 JWT. The dashboard's server mints context tokens with it; it does not
 * check the claims (verifyContextToken does), so callers keep `exp - iat` within 300 s.
 */
export function signContextToken(claims: ContextTokenClaims, secret: ContextTokenSecret): string {
  const key = checkSecret(secret);
  const signingInput = `${HS256_HEADER}.${base64url(JSON.stringify(claims))}`;
  return `${signingInput}.${hmac(key, signingInput).toString('base64url')}`;
}
