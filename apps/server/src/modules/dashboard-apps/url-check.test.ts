/**
 * `POST dashboard_apps/url_check` against real local peers: an HTTPS server (self-signed
 * certificate trusted through the outbound CA option only) that frames freely, sends
 * X-Frame-Options or CSP frame-ancestors, and a port where nothing listens. `localhost` may
 * be private in one dashboard (OUTBOUND_PRIVATE_HOSTS) and not in the other.
 */
import { createServer as createTcpServer, type AddressInfo } from 'node:net';
import { createServer, type Server } from 'node:https';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, request, type TestApp } from '../../test/app';
import { DATABASE_KINDS } from '../../test/databases';
import { createWorld, type World } from '../../test/fixtures';
import { selfSignedCertificate } from '../../test/tls';

const HEADERS: Record<string, Record<string, string>> = {
  '/open': {},
  '/deny': { 'x-frame-options': 'DENY' },
  '/sameorigin': { 'x-frame-options': 'SAMEORIGIN' },
  '/csp-none': { 'content-security-policy': "default-src 'self'; frame-ancestors 'none'" },
  '/csp-dashboard': {
    'content-security-policy': 'frame-ancestors http://localhost:3000',
    'x-frame-options': 'DENY',
  },
};

function startPeer(tls: { key: string; cert: string }): Promise<Server> {
  const server = createServer(tls, (req, res) => {
    const path = (req.url ?? '/').split('?')[0]!;
    if (path === '/no-head' && req.method === 'HEAD') {
      res.writeHead(405).end();
      return;
    }
    const headers = path === '/no-head' ? { 'x-frame-options': 'DENY' } : HEADERS[path];
    if (!headers) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { 'content-type': 'text/html', ...headers }).end('<p>app</p>');
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}

/** A port that refuses connections: taken and released again. */
function closedPort(): Promise<number> {
  return new Promise((resolve) => {
    const probe = createTcpServer().listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as AddressInfo;
      probe.close(() => resolve(port));
    });
  });
}

describe.each(DATABASE_KINDS)('dashboard app URL check (%s)', (kind) => {
  const tls = selfSignedCertificate();
  let peer: Server;
  let port: number;
  let refusingPort: number;
  let t: TestApp;
  let strict: TestApp;
  let world: World;
  let strictWorld: World;

  const check = (url: string, on: TestApp = t, as = world.admin) =>
    request(
      on.app,
      'POST',
      `/api/v1/accounts/${(on === t ? world : strictWorld).accountId}/dashboard_apps/url_check`,
      {
        as,
        body: { url },
      },
    );

  beforeAll(async () => {
    peer = await startPeer(tls);
    port = (peer.address() as AddressInfo).port;
    refusingPort = await closedPort();
    const outbound = { ca: tls.cert, timeoutMs: 2000 };
    t = await createTestApp(kind, { outboundPrivateHosts: ['localhost'] }, { outbound });
    world = await createWorld(t.app.db);
    strict = await createTestApp(kind, {}, { outbound });
    strictWorld = await createWorld(strict.app.db);
  });

  afterAll(async () => {
    await t?.close();
    await strict?.close();
    await new Promise((resolve) => peer?.close(resolve));
  });

  it('says an app that answers and frames freely has no problem', async () => {
    const res = await check(`https://localhost:${port}/open?c={{conversation.id}}`);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      problem: null,
      status: 200,
      refused_by: null,
      dashboard_origin: 'http://localhost:3000',
    });
  });

  it('names the header that refuses framing', async () => {
    const deny = (await check(`https://localhost:${port}/deny`)).json();
    expect(deny).toMatchObject({
      problem: 'refuses_framing',
      refused_by: { header: 'x-frame-options', value: 'DENY' },
    });
    expect(deny.message).toContain('x-frame-options: DENY');
    expect((await check(`https://localhost:${port}/sameorigin`)).json()).toMatchObject({
      problem: 'refuses_framing',
      refused_by: { header: 'x-frame-options', value: 'SAMEORIGIN' },
    });
    expect((await check(`https://localhost:${port}/csp-none`)).json()).toMatchObject({
      problem: 'refuses_framing',
      refused_by: { header: 'content-security-policy', value: "frame-ancestors 'none'" },
    });
    // GET when HEAD is not allowed.
    expect((await check(`https://localhost:${port}/no-head`)).json()).toMatchObject({
      problem: 'refuses_framing',
    });
  });

  it('lets frame-ancestors naming the dashboard win over X-Frame-Options', async () => {
    expect((await check(`https://localhost:${port}/csp-dashboard`)).json()).toMatchObject({
      problem: null,
    });
  });

  it('says an app whose port refuses connections cannot be reached', async () => {
    const res = await check(`https://localhost:${refusingPort}/`);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ problem: 'unreachable', reason: 'connection_failed' });
  });

  it('does not reach private addresses the operator did not allow, nor plain http', async () => {
    expect(
      (await check(`https://localhost:${port}/deny`, strict, strictWorld.admin)).json(),
    ).toMatchObject({
      problem: 'not_checked',
      reason: 'private_address',
    });
    expect((await check(`http://127.0.0.1:${port}/deny`)).json()).toMatchObject({
      problem: 'not_checked',
      reason: 'not_https',
    });
  });

  it('is for administrators only', async () => {
    expect((await check(`https://localhost:${port}/open`, t, world.agent)).statusCode).toBe(403);
  });
});
