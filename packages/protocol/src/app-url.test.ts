import { describe, expect, it } from 'vitest';
import {
  APP_URL_PROBLEM_MESSAGES,
  appUrlOrigin,
  isDashboardAppPermission,
  isLoopbackHostname,
  validateAppUrl,
  type AppUrlProblem,
} from './app-url';

const RULES = {
  dashboardOrigin: ['https://desk.example.com', 'http://localhost:3000/'],
  allowedHttpHosts: ['intranet.corp', 'legacy.corp:8080'],
};

const CASES: Array<[string, AppUrlProblem | null]> = [
  // Accepted.
  ['https://orders.example.com', null],
  ['https://orders.example.com/app?x=1#frag', null],
  ['HTTPS://Orders.Example.com/Path', null],
  ['https://orders.example.com:8443/', null],
  ['https://desk.example.com:8443/', null],
  ['https://xn--mgbh0fb.example/', null],
  ['https://مثال.example/', null],
  ['https://localhost:3000/', null],
  ['http://localhost:5173/', null],
  ['http://127.0.0.1:4000/app', null],
  ['http://127.9.8.7/', null],
  ['http://[::1]:8080/', null],
  ['http://0x7f.1/', null],
  ['http://intranet.corp/', null],
  ['http://legacy.corp:8080/x', null],
  ['https://orders.example.com/@me', null],
  ['https://orders.example.com/?next=http://x@y', null],
  // Empty, long, odd characters.
  ['', 'empty'],
  [`https://orders.example.com/${'a'.repeat(2048)}`, 'too_long'],
  [' https://orders.example.com', 'invalid_characters'],
  ['https://orders.example.com/a b', 'invalid_characters'],
  ['https://orders.example.com/\tx', 'invalid_characters'],
  ['java\nscript:alert(1)', 'invalid_characters'],
  ['https:\\\\evil.example\\', 'invalid_characters'],
  ['https://orders.example.com/\u0000', 'invalid_characters'],
  // Not absolute.
  ['orders.example.com', 'not_absolute'],
  ['/relative/path', 'not_absolute'],
  ['//orders.example.com', 'not_absolute'],
  ['https:orders.example.com', 'not_absolute'],
  ['https:///orders.example.com', 'not_absolute'],
  ['https://', 'not_absolute'],
  ['https://exa[mple.com', 'not_absolute'],
  // Schemes that are not web pages.
  ['javascript:alert(1)', 'unsupported_scheme'],
  ['JavaScript:alert(1)', 'unsupported_scheme'],
  ['data:text/html,<script>alert(1)</script>', 'unsupported_scheme'],
  ['file:///etc/passwd', 'unsupported_scheme'],
  ['blob:https://orders.example.com/uuid', 'unsupported_scheme'],
  ['ftp://orders.example.com/', 'unsupported_scheme'],
  ['ws://localhost:3000/', 'unsupported_scheme'],
  ['about:blank', 'unsupported_scheme'],
  ['vbscript:msgbox', 'unsupported_scheme'],
  // Plain http where it is not allowed.
  ['http://orders.example.com/', 'insecure_http'],
  ['http://localhost.evil.example/', 'insecure_http'],
  ['http://127.0.0.1.nip.io/', 'insecure_http'],
  ['http://[::ffff:127.0.0.1]/', 'insecure_http'],
  ['http://legacy.corp:9090/', 'insecure_http'],
  ['http://10.0.0.5/', 'insecure_http'],
  // Credentials.
  ['https://user:pass@orders.example.com/', 'credentials'],
  ['https://user@orders.example.com/', 'credentials'],
  ['https://@orders.example.com/', 'credentials'],
  ['https://:pw@orders.example.com/', 'credentials'],
  // The dashboard itself.
  ['https://desk.example.com', 'dashboard_origin'],
  ['https://DESK.example.com:443/settings', 'dashboard_origin'],
  ['http://localhost:3000/app/accounts/1', 'dashboard_origin'],
  ['http://127.0.0.1:3000/', null],
];

describe('validateAppUrl', () => {
  it.each(CASES)('%s -> %s', (url, expected) => {
    expect(validateAppUrl(url, RULES)).toBe(expected);
  });

  it('accepts a single dashboard origin given as a base URL', () => {
    expect(validateAppUrl('https://a.example/x', { dashboardOrigin: 'https://a.example/' })).toBe(
      'dashboard_origin',
    );
    expect(validateAppUrl('https://b.example/x', { dashboardOrigin: 'https://a.example/' })).toBe(
      null,
    );
  });

  it('ignores an unparsable dashboard origin rather than throwing', () => {
    expect(validateAppUrl('https://a.example/', { dashboardOrigin: ['', 'nope'] })).toBe(null);
  });

  it('allows http for no extra host unless configured', () => {
    expect(validateAppUrl('http://intranet.corp/', { dashboardOrigin: [] })).toBe('insecure_http');
  });

  it('has an English message for every problem', () => {
    for (const [, problem] of CASES) {
      if (problem) expect(APP_URL_PROBLEM_MESSAGES[problem]).toMatch(/\w/);
    }
  });
});

describe('helpers', () => {
  it('appUrlOrigin gives the origin the host posts to', () => {
    expect(appUrlOrigin('https://Orders.example.com:443/a?b')).toBe('https://orders.example.com');
    expect(appUrlOrigin('not a url')).toBe(null);
  });

  it('isLoopbackHostname', () => {
    expect(isLoopbackHostname('LOCALHOST')).toBe(true);
    expect(isLoopbackHostname('127.0.0.1')).toBe(true);
    expect(isLoopbackHostname('[::1]')).toBe(true);
    expect(isLoopbackHostname('128.0.0.1')).toBe(false);
  });

  it('isDashboardAppPermission', () => {
    expect(isDashboardAppPermission('clipboard-write')).toBe(true);
    expect(isDashboardAppPermission('usb')).toBe(false);
    expect(isDashboardAppPermission(5)).toBe(false);
  });
});
