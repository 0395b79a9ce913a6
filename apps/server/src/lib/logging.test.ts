import { describe, expect, it } from 'vitest';
import { redactUrl } from './logging';

describe('redactUrl', () => {
  it('hides access tokens in query strings and keeps the rest', () => {
    expect(redactUrl('/cable?account_id=1&api_access_token=abc123&after=5')).toBe(
      '/cable?account_id=1&api_access_token=[redacted]&after=5',
    );
    expect(redactUrl('/x?token=zzz')).toBe('/x?token=[redacted]');
    expect(redactUrl('/api/v1/profile')).toBe('/api/v1/profile');
  });
});
