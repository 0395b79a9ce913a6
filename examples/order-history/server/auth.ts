/** Who is asking: the claims of the dashboard's signed context token, or why there are none. */
import { ContextTokenError, verifyContextToken } from '@bevatel/dashboard-app-sdk/server';
import type { ContextTokenClaims } from '@bevatel/dashboard-app-sdk/server';

export interface TokenCheckOptions {
  secret: string;
  /** The app's own origin(s): a token minted for another app is refused. */
  audience: readonly string[];
  /** The dashboard's base URL, when the operator pins it. */
  issuer?: string;
}

export type TokenCheck =
  { ok: true; claims: ContextTokenClaims } | { ok: false; reason: string; message: string };

const BEARER = /^Bearer\s+(\S+)$/i;

export function checkAuthorization(
  header: string | undefined,
  options: TokenCheckOptions,
): TokenCheck {
  const token = header ? BEARER.exec(header)?.[1] : undefined;
  if (!token) {
    return {
      ok: false,
      reason: 'missing_token',
      message: 'Send the dashboard context token as a Bearer token',
    };
  }
  try {
    const claims = verifyContextToken(token, options.secret, {
      audience: options.audience,
      ...(options.issuer ? { issuer: options.issuer } : {}),
      clockToleranceSec: 10,
    });
    return { ok: true, claims };
  } catch (error) {
    if (error instanceof ContextTokenError) {
      return { ok: false, reason: error.code, message: error.message };
    }
    throw error;
  }
}

/**
 * The audiences a token may name. On loopback, localhost and 127.0.0.1 are the same app (an
 * admin may register either spelling); anywhere else only the exact origin counts.
 */
export function audiencesFor(origin: string): string[] {
  const url = new URL(origin);
  const port = url.port ? `:${url.port}` : '';
  if (url.hostname === 'localhost' || url.hostname === '127.0.0.1') {
    return [`${url.protocol}//localhost${port}`, `${url.protocol}//127.0.0.1${port}`];
  }
  return [url.origin];
}
