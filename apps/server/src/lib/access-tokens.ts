/**
 * Personal access tokens (`api_access_token`): requests are matched against a SHA-256 digest;
 * the token itself is kept sealed under SECRET_KEY_BASE so sign-in and the profile can show it
 * (Chatwoot's shapes carry it) while a copy of the database reveals none.
 */
import { seal, unseal } from './sealed-box';
import { randomToken, sha256 } from './tokens';

// Bound to its own digest: a sealed token copied onto another user's row does not open.
const contextOf = (digest: string) => ({
  purpose: 'access-token',
  owner: `access_token:${digest}`,
});

export const accessTokenDigest = (token: string): string => sha256(token);

/** What a users row stores of a token: its digest and its sealed copy. */
export function accessTokenColumns(token: string, secretKeyBase: string) {
  const digest = accessTokenDigest(token);
  return {
    access_token_digest: digest,
    access_token_sealed: seal(token, contextOf(digest), secretKeyBase),
  };
}

/** The token a row holds, or null when it has no readable copy (e.g. another SECRET_KEY_BASE). */
export function revealAccessToken(
  row: { access_token_digest: string; access_token_sealed: string | null },
  secretKeyBase: string,
): string | null {
  if (!row.access_token_sealed) return null;
  return unseal(row.access_token_sealed, contextOf(row.access_token_digest), secretKeyBase);
}

/** A new token with the columns that store it. */
export function issueAccessToken(secretKeyBase: string) {
  const token = randomToken();
  return { token, columns: accessTokenColumns(token, secretKeyBase) };
}
