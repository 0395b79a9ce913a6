/**
 * Abuse of requests themselves: sign-in budgets that padding or forged headers cannot reset,
 * security headers on the page and the API, JSON nested to exhaust the server.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../test/app';
import { DATABASE_KINDS } from '../test/databases';
import { insertDashboardApp } from '../modules/dashboard-apps/test-support';
import { createWorld, FIXTURE_PASSWORD, type World } from '../test/fixtures';
import { listen, signInOverHttp } from './http';

const signIn = (base: string, email: string, headers: Record<string, string> = {}) =>
  fetch(`${base}/auth/sign_in`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify({ email, password: 'wrong guess' }),
  });

describe.each(DATABASE_KINDS)('requests on %s', (kind) => {
  let t: TestApp;
  let w: World;
  let base: string;

  beforeAll(async () => {
    const webDist = mkdtempSync(join(tmpdir(), 'bevatel-web-'));
    writeFileSync(join(webDist, 'index.html'), '<!doctype html><title>Bevatel</title>');
    t = await createTestApp(kind, { webDist });
    w = await createWorld(t.app.db);
    base = await listen(t.app);
  });
  afterAll(() => t.close());

  it('padding or re-casing the e-mail does not reset the sign-in budget', async () => {
    const variants = [' victim@acme.test', 'VICTIM@acme.test ', '\tvictim@ACME.test'];
    const statuses: number[] = [];
    for (let i = 0; i < 12; i += 1) {
      statuses.push((await signIn(base, variants[i % variants.length]!)).status);
    }
    expect(statuses.slice(0, 10).every((s) => s === 401)).toBe(true);
    expect(statuses.slice(10)).toEqual([429, 429]);
  });

  it('a forged X-Forwarded-For does not reset it either (no proxy is trusted by default)', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 12; i += 1) {
      const res = await signIn(base, 'forged@acme.test', {
        'x-forwarded-for': `203.0.113.${i + 1}`,
      });
      statuses.push(res.status);
    }
    expect(statuses.slice(10)).toEqual([429, 429]);
    const limited = await signIn(base, 'forged@acme.test', { 'x-forwarded-for': '198.51.100.7' });
    expect(await limited.json()).toMatchObject({ error: 'too_many_requests', statusCode: 429 });
  });

  it('sends the security headers on the API and a CSP framing only the user’s apps on the page', async () => {
    const api = await fetch(`${base}/api/v1/profile`);
    expect(api.headers.get('x-content-type-options')).toBe('nosniff');
    expect(api.headers.get('x-frame-options')).toBe('DENY');
    expect(api.headers.get('referrer-policy')).toBe('strict-origin-when-cross-origin');
    expect(api.headers.get('content-security-policy')).toContain("default-src 'none'");

    const anonymous = await fetch(`${base}/app/login`);
    const anonymousPolicy = anonymous.headers.get('content-security-policy') ?? '';
    expect(anonymousPolicy).toContain("frame-ancestors 'none'");
    expect(anonymousPolicy).toContain("frame-src 'none'");
    expect(anonymousPolicy).toContain("script-src 'self'");

    await insertDashboardApp(t.app, w.accountId, { url: 'https://orders.example.com/panel?x=1' });
    await insertDashboardApp(t.app, w.otherAccountId, { url: 'https://theirs.example.net/' });
    const session = await signInOverHttp(base, 'agent@acme.test', FIXTURE_PASSWORD);
    const page = await fetch(`${base}/app/accounts/${w.accountId}/conversations`, {
      headers: { cookie: session.cookie },
    });
    const policy = page.headers.get('content-security-policy') ?? '';
    expect(policy).toContain('frame-src https://orders.example.com');
    expect(policy).not.toContain('theirs.example.net');
    expect(page.headers.get('x-frame-options')).toBe('DENY');
  });

  it('answers JSON nested 5,000 levels deep with a 400, not a 500', async () => {
    const deep = `${'['.repeat(5000)}${']'.repeat(5000)}`;
    for (const url of ['/auth/sign_in', `/api/v1/accounts/${w.accountId}/contacts`]) {
      const res = await fetch(`${base}${url}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', api_access_token: w.admin.access_token },
        body: `{"email": ${deep}, "password": "x"}`,
      });
      expect(res.status, url).toBe(400);
      expect(await res.json()).toMatchObject({ error: 'bad_request' });
    }
  });
});

describe('trusted proxies', () => {
  let t: TestApp;
  let base: string;
  beforeAll(async () => {
    t = await createTestApp('sqlite', { trustProxy: ['loopback'] });
    await createWorld(t.app.db);
    base = await listen(t.app);
  });
  afterAll(() => t.close());

  it('honour X-Forwarded-For from a named proxy, and still cap one e-mail across addresses', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 32; i += 1) {
      statuses.push(
        (await signIn(base, 'spread@acme.test', { 'x-forwarded-for': `203.0.113.${i + 1}` }))
          .status,
      );
    }
    // Each address had one try; the e-mail's own ceiling (30 per 15 minutes) held.
    expect(statuses.slice(0, 30).every((s) => s === 401)).toBe(true);
    expect(statuses.slice(30)).toEqual([429, 429]);
  });
});
