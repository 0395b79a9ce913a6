/** Signed context tokens (PROTOCOL.md "Signed context"): HS256 JWTs with node:crypto only. */
import { createHmac, randomBytes } from 'node:crypto';
import { CONTEXT_TOKEN_MAX_TTL_SEC, type ContextTokenClaims } from '@bevatel/protocol';

const HEADER = Buffer.from(JSON.stringify({ alg: 'HS256', typ: 'JWT' })).toString('base64url');

export function signHs256(claims: ContextTokenClaims, secret: string): string {
  const signingInput = `${HEADER}.${Buffer.from(JSON.stringify(claims)).toString('base64url')}`;
  const signature = createHmac('sha256', Buffer.from(secret, 'utf8'))
    .update(signingInput)
    .digest('base64url');
  return `${signingInput}.${signature}`;
}

/**
 * `iss`: the origin of PUBLIC_URL — what an app's backend compares with the dashboard origin it
 * trusts (a path in PUBLIC_URL is not part of it; http://localhost:3000 and
 * http://127.0.0.1:3000 are two different origins).
 */
export function contextTokenIssuer(publicUrl: string): string {
  return new URL(publicUrl).origin;
}

export type ContextTokenSubject = Omit<ContextTokenClaims, 'iat' | 'exp' | 'jti'>;

/** Claims for `subject`, issued now and living the protocol's maximum of 300 s. */
export function contextTokenClaims(
  subject: ContextTokenSubject,
  nowMs: number,
): ContextTokenClaims {
  const iat = Math.floor(nowMs / 1000);
  return {
    ...subject,
    iat,
    exp: iat + CONTEXT_TOKEN_MAX_TTL_SEC,
    jti: randomBytes(16).toString('base64url'),
  };
}
