import { describe, expect, it } from 'vitest';
import { tokenRefreshDelay } from './refresh';

const jwt = (claims: object) =>
  `e30.${btoa(JSON.stringify(claims)).replace(/=+$/, '').replace(/\+/g, '-').replace(/\//g, '_')}.sig`;

describe('tokenRefreshDelay', () => {
  it('refreshes at 80% of the lifetime the server gave (exp - iat)', () => {
    const token = jwt({ iat: 1000, exp: 1300 });
    // The client clock is an hour off: irrelevant.
    expect(tokenRefreshDelay({ token, expires_at: 1300, receivedAt: 5_000_000 })).toBe(240_000);
  });

  it('falls back to the client clock when the token cannot be read', () => {
    expect(tokenRefreshDelay({ token: 'opaque', expires_at: 1300, receivedAt: 1_000_000 })).toBe(
      240_000,
    );
  });

  it('never spins: at least a few seconds apart', () => {
    const token = jwt({ iat: 1000, exp: 1001 });
    expect(tokenRefreshDelay({ token, expires_at: 1001, receivedAt: 0 })).toBe(5_000);
    expect(tokenRefreshDelay({ token: 'x', expires_at: 0, receivedAt: 10_000 })).toBe(5_000);
  });
});
