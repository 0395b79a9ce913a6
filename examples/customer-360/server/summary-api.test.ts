/** /api/summary over HTTP: only a token the dashboard signed for this app names a customer. */
import { signContextToken } from '@bevatel/dashboard-app-sdk/server';
import type { ContextTokenClaims } from '@bevatel/dashboard-app-sdk/server';
import { afterEach, describe, expect, it } from 'vitest';
import { customerSummary } from './crm';
import { startCustomer360, type RunningApp } from './start';

const SECRET = 'customer-360-test-secret-0123456789';
const NOW = 1_780_000_000;
let app: RunningApp | undefined;

afterEach(async () => {
  await app?.close();
  app = undefined;
});

const claimsFor = (audience: string, overrides: Partial<ContextTokenClaims> = {}) => ({
  iss: 'http://localhost:3000',
  aud: audience,
  sub: '7',
  account_id: 1,
  app_id: 2,
  conversation_id: 17,
  contact_id: 42,
  inbox_id: 3,
  role: 'agent' as const,
  iat: NOW,
  exp: NOW + 300,
  jti: 'a0b1c2d3-e4f5-4a6b-8c7d-9e0f1a2b3c4d',
  ...overrides,
});

const ask = (url: string, authorization?: string) =>
  fetch(`${url}/api/summary`, authorization ? { headers: { authorization } } : {});

describe('GET /api/summary', () => {
  it('answers the summary of the contact the signed token names, never cached', async () => {
    app = await startCustomer360({ port: 0, secret: SECRET, now: () => NOW });
    const token = signContextToken(claimsFor(app.url), SECRET);
    const response = await ask(app.url, `Bearer ${token}`);
    expect(response.status).toBe(200);
    expect(response.headers.get('cache-control')).toBe('no-store');
    expect(await response.json()).toEqual({ summary: customerSummary('1:42', NOW) });
  });

  it('refuses a missing, forged, expired or foreign token with 401 and says why', async () => {
    app = await startCustomer360({ port: 0, secret: SECRET, now: () => NOW });
    const cases: [string | undefined, string][] = [
      [undefined, 'missing_token'],
      ['Basic abc', 'missing_token'],
      [
        `Bearer ${signContextToken(claimsFor(app.url), 'another-secret-0123456789')}`,
        'bad_signature',
      ],
      [
        `Bearer ${signContextToken(claimsFor(app.url, { iat: NOW - 900, exp: NOW - 600 }), SECRET)}`,
        'expired',
      ],
      [
        `Bearer ${signContextToken(claimsFor('https://orders.example.com'), SECRET)}`,
        'wrong_audience',
      ],
    ];
    for (const [authorization, error] of cases) {
      const response = await ask(app.url, authorization);
      expect(response.status, error).toBe(401);
      expect(response.headers.get('www-authenticate')).toContain('invalid_token');
      expect(await response.json()).toMatchObject({ error });
    }
  });

  it('needs a contact in the token, and a secret on the server', async () => {
    app = await startCustomer360({ port: 0, secret: SECRET, now: () => NOW });
    const page = signContextToken(
      claimsFor(app.url, { contact_id: null, conversation_id: null }),
      SECRET,
    );
    expect(await (await fetch(`${app.url}/`)).text()).toContain('<meta name="crm" content="on" />');
    const noContact = await ask(app.url, `Bearer ${page}`);
    expect(noContact.status).toBe(400);
    expect(await noContact.json()).toMatchObject({ error: 'no_contact' });
    await app.close();
    app = await startCustomer360({ port: 0, secret: '' });
    // The page knows it too, and then does not ask (no failed requests in the browser).
    expect(await (await fetch(`${app.url}/`)).text()).toContain(
      '<meta name="crm" content="off" />',
    );
    const unconfigured = await ask(app.url, 'Bearer x');
    expect(unconfigured.status).toBe(503);
    expect(await unconfigured.json()).toMatchObject({ error: 'not_configured' });
  });
});
