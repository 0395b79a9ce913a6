/** Context tokens as the dashboard's server mints them, signed with the SDK's own signer. */
import { randomUUID } from 'node:crypto';
import { signContextToken } from '@bevatel/dashboard-app-sdk/server';
import type { ContextTokenClaims } from '@bevatel/dashboard-app-sdk/server';

export const TEST_SECRET = 'test-secret-0123456789abcdef0123456789abcdef';

export function claimsFor(
  audience: string,
  overrides: Partial<ContextTokenClaims> = {},
): ContextTokenClaims {
  const iat = Math.floor(Date.now() / 1000);
  return {
    iss: 'http://localhost:3000',
    aud: audience,
    sub: '7',
    account_id: 1,
    app_id: 3,
    conversation_id: 17,
    contact_id: 42,
    inbox_id: 3,
    role: 'agent',
    iat,
    exp: iat + 300,
    jti: randomUUID(),
    ...overrides,
  };
}

export function tokenFor(
  audience: string,
  overrides: Partial<ContextTokenClaims> = {},
  secret: string = TEST_SECRET,
): string {
  return signContextToken(claimsFor(audience, overrides), secret);
}
