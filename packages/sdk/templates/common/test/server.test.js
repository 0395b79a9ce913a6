// Run: npm test (node's own test runner; nothing else to install).
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
// @if:backend
import { signContextToken } from '@bevatel/dashboard-app-sdk/server';
// @end:backend
import { startServer } from '../server.js';

const DASHBOARD = 'https://dashboard.example.com';
let server;
let base;
const config = (port) => ({
  port,
  host: '127.0.0.1',
  appOrigin: `http://127.0.0.1:${port}`,
  dashboardOrigins: [DASHBOARD, 'http://localhost:4700'],
  // @if:backend
  secret: 'test-secret',
  // @end:backend
});

before(async () => {
  // Port 0 first to learn a free port, then the real config whose origin names it.
  const probe = await startServer(config(0));
  const { port } = probe.address();
  await new Promise((resolve) => probe.close(resolve));
  server = await startServer(config(port));
  base = `http://127.0.0.1:${port}`;
});
after(() => new Promise((resolve) => server.close(resolve)));

test('serves the page with the dashboards it trusts, framable by them only', async () => {
  const response = await fetch(`${base}/`);
  assert.equal(response.status, 200);
  assert.equal(
    response.headers.get('content-security-policy'),
    `frame-ancestors ${DASHBOARD} http://localhost:4700`,
  );
  assert.equal(response.headers.get('x-frame-options'), null);
  const page = await response.text();
  assert.match(page, new RegExp(`content="${DASHBOARD} http://localhost:4700"`));
});
// @if:html

test('serves the SDK bundle from its own origin', async () => {
  const response = await fetch(`${base}/sdk.js`);
  assert.equal(response.status, 200);
  assert.match(await response.text(), /BevatelDashboardApp/);
});
// @end:html

test('answers 404 for unknown paths and paths outside the front end', async () => {
  for (const path of ['/missing.js', '/..%2fpackage.json', '/%2e%2e/server.js']) {
    assert.equal((await fetch(`${base}${path}`)).status, 404, path);
  }
});
// @if:backend

const now = () => Math.floor(Date.now() / 1000);
const claims = (overrides = {}) => ({
  iss: DASHBOARD,
  aud: base,
  sub: '7',
  account_id: 1,
  app_id: 2,
  conversation_id: 42,
  contact_id: 9,
  inbox_id: 3,
  role: 'agent',
  iat: now(),
  exp: now() + 300,
  jti: `t-${Math.random()}`,
  ...overrides,
});
const session = (token) =>
  fetch(`${base}/api/session`, { headers: token ? { authorization: `Bearer ${token}` } : {} });

test('the API answers with the verified claims of a dashboard-signed token', async () => {
  const response = await session(signContextToken(claims(), 'test-secret'));
  assert.equal(response.status, 200);
  assert.equal(response.headers.get('cache-control'), 'no-store');
  assert.deepEqual(await response.json(), {
    agent_id: 7,
    role: 'agent',
    account_id: 1,
    conversation_id: 42,
    contact_id: 9,
    expires_at: claims().exp,
  });
});

test('the API refuses missing, forged, foreign and expired tokens', async () => {
  const cases = [
    [undefined, 'malformed'],
    [signContextToken(claims(), 'another-secret'), 'bad_signature'],
    [
      signContextToken(claims({ aud: 'https://other-app.example' }), 'test-secret'),
      'wrong_audience',
    ],
    [signContextToken(claims({ iss: 'https://evil.example' }), 'test-secret'), 'wrong_issuer'],
    [signContextToken(claims({ iat: now() - 900, exp: now() - 600 }), 'test-secret'), 'expired'],
  ];
  for (const [token, code] of cases) {
    const response = await session(token);
    assert.equal(response.status, 401, code);
    assert.deepEqual(await response.json(), { error: code });
  }
});
// @end:backend
