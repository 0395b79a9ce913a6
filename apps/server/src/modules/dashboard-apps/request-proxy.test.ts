/**
 * The request proxy against a real HTTPS server started here, with a self-signed certificate
 * made here (openssl) that the proxy trusts through the outbound CA option only. `localhost`
 * is allowed to be private by OUTBOUND_PRIVATE_HOSTS in one server and not in the other.
 */
import { createServer, type Server } from 'node:https';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, request, type TestApp } from '../../test/app';
import { DATABASE_KINDS } from '../../test/databases';
import { insertConversation } from '../../test/factories';
import { createWorld, type World } from '../../test/fixtures';
import { selfSignedCertificate } from '../../test/tls';

const API_KEY = 'sk_test_proxy-secret-4242';

/** The upstream service: echoes, redirects, stalls and floods on demand. */
function startUpstream(tls: { key: string; cert: string }): Promise<Server> {
  const server = createServer(tls, (req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const port = (server.address() as AddressInfo).port;
      const path = req.url ?? '/';
      if (path.startsWith('/echo')) {
        res.writeHead(201, {
          'content-type': 'application/json',
          'set-cookie': 'session=upstream',
          'x-request-id': 'req-1',
          'x-internal': 'hidden',
        });
        res.end(
          JSON.stringify({
            method: req.method,
            path,
            headers: req.headers,
            body: Buffer.concat(chunks).toString(),
          }),
        );
      } else if (path === '/redirect-same') {
        res.writeHead(302, { location: '/echo?redirected=1' }).end();
      } else if (path === '/redirect-other') {
        res.writeHead(302, { location: `https://127.0.0.1:${port}/echo` }).end();
      } else if (path === '/slow') {
        setTimeout(() => res.end('late'), 5_000).unref();
      } else if (path === '/big') {
        res.writeHead(200, { 'content-type': 'text/plain' });
        res.end('x'.repeat(1024 * 1024 + 1));
      } else {
        res.writeHead(404).end('no');
      }
    });
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}

describe.each(DATABASE_KINDS)('the request proxy on %s', (kind) => {
  const tls = selfSignedCertificate();
  let upstream: Server;
  let port: number;
  let t: TestApp;
  let strict: TestApp;
  let world: World;
  let strictWorld: World;
  let strictAppId: number;
  let appId: number;
  let conversationId: number;
  const url = (path: string) => `https://localhost:${port}${path}`;
  const proxy = (body: Record<string, unknown>) =>
    request(t.app, 'POST', `/api/v1/accounts/${world.accountId}/dashboard_apps/${appId}/request`, {
      as: world.agent,
      body: { conversation_id: conversationId, ...body },
    });

  beforeAll(async () => {
    upstream = await startUpstream(tls);
    port = (upstream.address() as AddressInfo).port;
    const outbound = { ca: tls.cert, timeoutMs: 400, requestsPerMinute: 12 };
    t = await createTestApp(kind, { outboundPrivateHosts: ['localhost'] }, { outbound });
    world = await createWorld(t.app.db);
    const created = await request(
      t.app,
      'POST',
      `/api/v1/accounts/${world.accountId}/dashboard_apps`,
      {
        as: world.admin,
        body: {
          title: 'Orders',
          content: [{ type: 'frame', url: 'https://orders.example.com' }],
          permissions: ['request'],
          proxy_allowlist: [`localhost:${port}`],
          settings: [
            {
              name: 'api_key',
              label: 'API key',
              type: 'text',
              secure: true,
              required: true,
              value: API_KEY,
            },
            { name: 'region', label: 'Region', type: 'text', value: 'eu' },
          ],
        },
      },
    );
    expect(created.statusCode, created.body).toBe(200);
    appId = created.json().id;
    const conversation = await insertConversation(t.app.db, {
      account_id: world.accountId,
      inbox_id: world.apiInboxId,
      contact_id: world.contactId,
    });
    conversationId = (
      await t.app.db
        .selectFrom('conversations')
        .select('display_id')
        .where('id', '=', conversation)
        .executeTakeFirstOrThrow()
    ).display_id;
    // The same app and world, but localhost is not allowed to be private here.
    strict = await createTestApp(kind, {}, { outbound });
    strictWorld = await createWorld(strict.app.db);
    const again = await request(
      strict.app,
      'POST',
      `/api/v1/accounts/${strictWorld.accountId}/dashboard_apps`,
      {
        as: strictWorld.admin,
        body: {
          title: 'Orders',
          content: [{ type: 'frame', url: 'https://orders.example.com' }],
          permissions: ['request'],
          proxy_allowlist: [`localhost:${port}`],
        },
      },
    );
    expect(again.statusCode, again.body).toBe(200);
    strictAppId = again.json().id;
  });
  afterAll(async () => {
    await t.close();
    await strict.close();
    await new Promise((resolve) => upstream.close(resolve));
  });

  it('substitutes a secure setting in headers and body on the server, and answers status, allowed headers and body', async () => {
    const res = await proxy({
      url: url('/echo?q=1'),
      method: 'POST',
      headers: { Authorization: 'Bearer {{settings.api_key}}', 'Content-Type': 'application/json' },
      body: '{"region":"{{settings.region}}","key":"{{ settings.api_key }}"}',
    });
    expect(res.statusCode, res.body).toBe(200);
    const answer = res.json() as { status: number; headers: Record<string, string>; body: string };
    expect(answer.status).toBe(201);
    expect(answer.headers).toEqual({ 'content-type': 'application/json', 'x-request-id': 'req-1' });
    const seen = JSON.parse(answer.body);
    expect(seen.method).toBe('POST');
    expect(seen.headers.authorization).toBe(`Bearer ${API_KEY}`);
    expect(JSON.parse(seen.body)).toEqual({ region: 'eu', key: API_KEY });
    // Audited: host, method, status, duration — never the secret.
    const audit = await t.app.db
      .selectFrom('audit_logs')
      .select('changes')
      .where('action', '=', 'dashboard_app.request')
      .orderBy('id', 'desc')
      .executeTakeFirstOrThrow();
    expect(JSON.parse(audit.changes)).toMatchObject({
      host: `localhost:${port}`,
      method: 'POST',
      status: 201,
      outcome: 'ok',
    });
    expect(JSON.parse(audit.changes).duration_ms).toEqual(expect.any(Number));
    const everything = (await t.app.db.selectFrom('audit_logs').select('changes').execute())
      .map((r) => r.changes)
      .join('\n');
    expect(everything).not.toContain(API_KEY);
  });

  it('refuses hosts off the allowlist, and other ports of an allowed host', async () => {
    for (const target of [
      'https://example.com/',
      `https://localhost:${port + 1}/echo`,
      `https://127.0.0.1:${port}/echo`,
    ]) {
      const res = await proxy({ url: target });
      expect(res.statusCode, target).toBe(403);
      expect(res.json().message).toMatch(/allowlist/);
    }
  });

  it('refuses a host that resolves to 127.0.0.1 unless the operator allows it', async () => {
    const res = await request(
      strict.app,
      'POST',
      `/api/v1/accounts/${strictWorld.accountId}/dashboard_apps/${strictAppId}/request`,
      { as: strictWorld.admin, body: { url: url('/echo') } },
    );
    expect(res.statusCode, res.body).toBe(403);
    expect(res.json().message).toMatch(/private, loopback or link-local/);
  });

  it('follows a redirect on the same host, refuses one to another host', async () => {
    const same = await proxy({ url: url('/redirect-same') });
    expect(same.statusCode, same.body).toBe(200);
    expect(JSON.parse(same.json().body).path).toBe('/echo?redirected=1');
    const other = await proxy({ url: url('/redirect-other') });
    expect(other.statusCode).toBe(403);
    expect(other.json().message).toMatch(/another host/);
  });

  it('gives up at the deadline and refuses answers over 1 MiB', async () => {
    const slow = await proxy({ url: url('/slow') });
    expect(slow.statusCode).toBe(504);
    expect(slow.json().error).toBe('gateway_timeout');
    const big = await proxy({ url: url('/big') });
    expect(big.statusCode).toBe(502);
    expect(big.json().message).toMatch(/larger than 1048576 bytes/);
    const huge = await proxy({
      url: url('/echo'),
      method: 'POST',
      body: 'y'.repeat(1024 * 1024 + 1),
    });
    // Over 1 MiB the request itself is refused before the proxy reads it.
    expect(huge.statusCode).toBe(413);
  });

  it('refuses apps without the permission, agents the app is hidden from, and conversations they cannot see', async () => {
    await request(t.app, 'PATCH', `/api/v1/accounts/${world.accountId}/dashboard_apps/${appId}`, {
      as: world.admin,
      body: { permissions: [] },
    });
    const denied = await proxy({ url: url('/echo') });
    expect(denied.statusCode).toBe(403);
    expect(denied.json().error).toBe('permission_denied');
    await request(t.app, 'PATCH', `/api/v1/accounts/${world.accountId}/dashboard_apps/${appId}`, {
      as: world.admin,
      body: { permissions: ['request'] },
    });
    const outsider = await request(
      t.app,
      'POST',
      `/api/v1/accounts/${world.accountId}/dashboard_apps/${appId}/request`,
      {
        as: world.outsider,
        body: { url: url('/echo'), conversation_id: conversationId },
      },
    );
    expect(outsider.statusCode).toBe(404);
  });

  it('limits each app to its budget of calls a minute', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 14; i++) statuses.push((await proxy({ url: url('/echo') })).statusCode);
    expect(statuses).toContain(429);
    const first = statuses.indexOf(429);
    expect(statuses.slice(first).every((s) => s === 429)).toBe(true);
  });
});
