/**
 * An app that cannot load says so, against real local peers: a port where nothing listens
 * (connection refused) and an HTTPS server (self-signed, trusted by the dashboard's outbound
 * client through its CA option and by the browser context) that sends X-Frame-Options DENY.
 * The frame's error state shows within 5 s with Retry and Open in new tab; an administrator
 * learns why a frame is refused; saving such an app in the settings warns.
 */
import { createServer as createHttpsServer, type Server } from 'node:https';
import { createServer as createTcpServer, type AddressInfo } from 'node:net';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { selfSignedCertificate } from '../../apps/server/src/test/tls';
import { launchBrowser } from '../support/browser';
import { DEMO_ADMIN, startDashboard, type RunningDashboard } from '../support/dashboard';
import { conversationPath, openConversation } from './host-page';
import { createWorld, registerApp, type HostWorld } from './world';

function startFramingPeer(tls: { key: string; cert: string }): Promise<Server> {
  const server = createHttpsServer(tls, (req, res) => {
    const deny = (req.url ?? '').startsWith('/deny');
    res
      .writeHead(200, {
        'content-type': 'text/html',
        ...(deny ? { 'x-frame-options': 'DENY' } : {}),
      })
      .end('<!doctype html><title>peer</title><p>peer</p>');
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}

/** A loopback port nothing listens on: connections to it are refused. */
function refusingPort(): Promise<number> {
  return new Promise((resolve) => {
    const probe = createTcpServer().listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as AddressInfo;
      probe.close(() => resolve(port));
    });
  });
}

describe('an app that cannot load says so', () => {
  const tls = selfSignedCertificate();
  let peer: Server;
  let peerPort: number;
  let closedPort: number;
  let dashboard: RunningDashboard;
  let browser: Browser;
  let world: HostWorld;
  const contexts: BrowserContext[] = [];

  async function adminPage(locale = 'en-US'): Promise<Page> {
    const context = await browser.newContext({
      baseURL: dashboard.url,
      locale,
      viewport: { width: 1440, height: 900 },
      ignoreHTTPSErrors: true,
    });
    contexts.push(context);
    const signIn = await context.request.post('/auth/sign_in', { data: DEMO_ADMIN });
    expect(signIn.ok()).toBe(true);
    return context.newPage();
  }

  beforeAll(async () => {
    peer = await startFramingPeer(tls);
    peerPort = (peer.address() as AddressInfo).port;
    closedPort = await refusingPort();
    dashboard = await startDashboard({
      config: {
        outboundPrivateHosts: ['localhost'],
        ...(process.env.E2E_WEB_DIST ? { webDist: process.env.E2E_WEB_DIST } : {}),
      },
      outbound: { ca: tls.cert, timeoutMs: 3000 },
    });
    browser = await launchBrowser();
    world = await createWorld(dashboard.url);
    await registerApp(world.api, 'Down', `http://127.0.0.1:${closedPort}/app`);
    await registerApp(world.api, 'Strict', `https://localhost:${peerPort}/deny`);
  });

  afterAll(async () => {
    for (const context of contexts) await context.close();
    await browser?.close();
    await dashboard?.close();
    await new Promise((resolve) => peer?.close(resolve));
  });

  it('shows an unreachable app’s error state within 5 s, with Retry and Open in new tab', async () => {
    const page = await adminPage();
    await openConversation(page, world.api.accountId, world.first.conversation.id);
    const started = Date.now();
    await page.getByRole('tab', { name: 'Down', exact: true }).click();
    const alert = page.getByRole('tabpanel', { name: 'Down' }).getByRole('alert');
    await alert.getByText('Down cannot be reached').waitFor({ timeout: 5_000 });
    expect(Date.now() - started).toBeLessThan(5_000);
    await alert.getByText(`Its server at http://127.0.0.1:${closedPort} did not answer`).waitFor();
    const open = alert.getByRole('link', { name: 'Open in new tab' });
    expect(await open.getAttribute('href')).toBe(`http://127.0.0.1:${closedPort}/app`);
    expect(await open.getAttribute('target')).toBe('_blank');
    await page.screenshot({ path: 'test-results/screenshots/app-unreachable-en.png' });
    // Retry loads again from scratch, and says so again.
    await alert.getByRole('button', { name: 'Retry' }).click();
    await page
      .getByRole('tabpanel', { name: 'Down' })
      .getByRole('alert')
      .getByText('Down cannot be reached')
      .waitFor({ timeout: 5_000 });
  });

  it('says so in Arabic too', async () => {
    const page = await adminPage('ar');
    await page.goto(conversationPath(world.api.accountId, world.first.conversation.id));
    await page.getByRole('tab', { name: 'Down', exact: true }).click();
    await page.getByRole('alert').getByText('تعذّر الوصول إلى Down').waitFor({ timeout: 5_000 });
    await page.screenshot({ path: 'test-results/screenshots/app-unreachable-ar.png' });
  });

  it('explains to an administrator an app that refuses to be framed', async () => {
    const page = await adminPage();
    await openConversation(page, world.api.accountId, world.first.conversation.id);
    await page.getByRole('tab', { name: 'Strict', exact: true }).click();
    const alert = page.getByRole('tabpanel', { name: 'Strict' }).getByRole('alert');
    await alert.getByText('Strict refuses to be shown inside the dashboard').waitFor();
    await alert.getByText(/x-frame-options: DENY/).waitFor();
    await alert.getByText(new RegExp(`does not let ${dashboard.url} show it`)).waitFor();
    expect(await alert.getByRole('link', { name: 'Open in new tab' }).getAttribute('href')).toBe(
      `https://localhost:${peerPort}/deny`,
    );
    await page.screenshot({ path: 'test-results/screenshots/app-refuses-framing-en.png' });
  });

  it('warns on save when the URL refuses framing or cannot be reached', async () => {
    const page = await adminPage();
    await page.goto(`/app/accounts/${world.api.accountId}/settings/integrations/dashboard_apps`);
    const add = async (name: string, url: string) => {
      await page.getByRole('button', { name: 'Add a new dashboard app' }).click();
      const dialog = page.getByRole('dialog', { name: 'Add a new dashboard app' });
      await dialog.getByLabel('Name', { exact: true }).fill(name);
      await dialog.getByLabel('Endpoint').fill(url);
      await dialog.getByRole('button', { name: 'Create' }).click();
      await dialog.waitFor({ state: 'hidden' });
    };
    await add('Framing test', `https://localhost:${peerPort}/deny?x=1`);
    const warning = page.locator('.dapps-url-warning');
    await warning
      .getByText(/“Framing test” was saved, but localhost:\d+ refuses to be shown/)
      .waitFor();
    await warning.getByText(/x-frame-options: DENY/).waitFor();
    await page.screenshot({ path: 'test-results/screenshots/settings-url-warning-en.png' });

    await add('Gone', `https://localhost:${closedPort}/`);
    await warning
      .getByText(`“Gone” was saved, but the server cannot reach localhost:${closedPort}`, {
        exact: false,
      })
      .waitFor();

    // An app that answers and frames: no warning.
    await add('Fine', `https://localhost:${peerPort}/open`);
    await page.getByRole('row', { name: /Fine/ }).waitFor();
    await expect.poll(() => warning.count()).toBe(0);
  });
});
