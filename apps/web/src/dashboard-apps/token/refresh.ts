/** When to fetch a fresh signed context token: at 80% of its lifetime. */
export const TOKEN_REFRESH_FRACTION = 0.8;
const MIN_REFRESH_MS = 5_000;

export interface IssuedToken {
  token: string;
  /** Unix seconds, from the server. */
  expires_at: number;
  /** Client clock (ms) when the answer arrived. */
  receivedAt: number;
}

/** The `iat` claim, read without verifying (the browser never holds the secret). */
function issuedAt(token: string): number | null {
  const part = token.split('.')[1];
  if (!part) return null;
  try {
    const json = atob(part.replace(/-/g, '+').replace(/_/g, '/'));
    const claims: unknown = JSON.parse(json);
    if (typeof claims !== 'object' || claims === null) return null;
    const iat = (claims as { iat?: unknown }).iat;
    return typeof iat === 'number' && Number.isFinite(iat) ? iat : null;
  } catch {
    return null;
  }
}

/**
 * Milliseconds after `receivedAt` to fetch the next token. The lifetime is `exp - iat`, both by
 * the server's clock, so a skewed client clock does not make it refresh too late.
 */
export function tokenRefreshDelay(issued: IssuedToken): number {
  const iat = issuedAt(issued.token);
  const lifetimeMs =
    iat !== null && issued.expires_at > iat
      ? (issued.expires_at - iat) * 1000
      : issued.expires_at * 1000 - issued.receivedAt;
  return Math.max(MIN_REFRESH_MS, Math.floor(lifetimeMs * TOKEN_REFRESH_FRACTION));
}
