/**
 * The order-history example inside the real dashboard: the demo seed registers it with a signing
 * secret, the server mints the context token, the app's backend verifies it. Dashboard on
 * http://localhost:<p1>, app on http://127.0.0.1:<p2>.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, BrowserContext, Request } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateOrders } from '../../examples/order-history/server/orders';
import { startOrderHistory, type RunningApp } from '../../examples/order-history/server/start';
import { launchBrowser, signInContext } from '../support/browser';
import { DEMO_ADMIN, startDashboard, type RunningDashboard } from '../support/dashboard';
import { freePort } from '../support/ports';
import { jwtClaims, newPage, openAppTab, openConversation } from './example-page';

const TITLE = 'Order history';
const SECRET = `order-history-e2e-${Date.now().toString(36)}-secret`;

interface DemoConversation {
  displayId: number;
  contactId: number;
  name: string;
  email: string;
}

interface OrdersBody {
  account_id: number;
  contact_id: number;
  orders: { number: string }[];
}

describe('Order history example in the dashboard', () => {
  let dashboard: RunningDashboard;
  let orderHistory: RunningApp;
  let browser: Browser;
  let session: Awaited<ReturnType<BrowserContext['storageState']>>;
  let appUrl: string;
  let target: DemoConversation;
  const contexts: BrowserContext[] = [];
  // A fresh build of the current sources, apart from dist/ (which a running app may be serving).
  const webDir = mkdtempSync(join(tmpdir(), 'e2e-order-history-web-'));

  beforeAll(async () => {
    // The app's port is chosen first: the dashboard's seed registers its URL, and the app only
    // lets the dashboard's origin frame it.
    const appPort = await freePort();
    appUrl = `http://127.0.0.1:${appPort}`;
    const demoApps = [{ title: TITLE, url: `${appUrl}/`, secret: SECRET }];
    dashboard = await startDashboard({ demoApps });
    orderHistory = await startOrderHistory({
      port: appPort,
      host: '127.0.0.1',
      secret: SECRET,
      dashboardOrigins: [dashboard.url],
      issuer: dashboard.url,
      dbPath: ':memory:',
      build: 'always',
      webDir,
    });
    expect(orderHistory.url).toBe(appUrl);

    // A demo conversation whose contact has an email and a made-up history that is not empty.
    const rows = await dashboard.db
      .selectFrom('conversations')
      .innerJoin('contacts', 'contacts.id', 'conversations.contact_id')
      .select([
        'conversations.display_id as displayId',
        'contacts.id as contactId',
        'contacts.name as name',
        'contacts.email as email',
      ])
      .where('conversations.account_id', '=', dashboard.accountId)
      .where('contacts.email', 'is not', null)
      .where('contacts.name', 'is not', null)
      .orderBy('conversations.display_id')
      .execute();
    const found = rows.find((row) => row.email && generateOrders(row.email, Date.now()).length > 0);
    if (!found?.email || !found.name) throw new Error('no demo contact with orders');
    target = { ...found, email: found.email, name: found.name };

    browser = await launchBrowser();
    const signedIn = await signInContext(browser, dashboard.url, DEMO_ADMIN);
    session = await signedIn.storageState();
    await signedIn.close();
  });

  afterAll(async () => {
    for (const context of contexts) await context.close();
    await browser?.close();
    await orderHistory?.close();
    await dashboard?.close();
    rmSync(webDir, { recursive: true, force: true });
  });

  it("shows the conversation's contact and their orders, asked for with a Bearer token", async () => {
    const { context, page, errors } = await newPage(browser, dashboard.url, {
      storageState: session,
    });
    contexts.push(context);
    const apiRequests: Request[] = [];
    page.on('request', (request) => {
      if (request.url().startsWith(`${appUrl}/api/orders`)) apiRequests.push(request);
    });

    await openConversation(page, dashboard.accountId, target.displayId);
    const answered = page.waitForResponse((response) =>
      response.url().startsWith(`${appUrl}/api/orders`),
    );
    const frame = await openAppTab(page, TITLE);
    const response = await answered;
    expect(response.status()).toBe(200);
    const body = (await response.json()) as OrdersBody;
    expect(body).toMatchObject({ account_id: dashboard.accountId, contact_id: target.contactId });
    expect(body.orders.length).toBeGreaterThan(0);

    await expect
      .poll(() => frame.getByTestId('orders-title').textContent(), { timeout: 10_000 })
      .toBe(`Orders of ${target.name}`);
    const numbers = await frame.getByTestId('order-number').allInnerTexts();
    expect(numbers).toEqual(body.orders.map((order) => order.number));
    expect(numbers).toEqual(generateOrders(target.email, Date.now()).map((o) => o.number));

    // The frame asked its own backend with the dashboard's token, minted for this app and
    // this conversation.
    expect(apiRequests.length).toBeGreaterThan(0);
    for (const request of apiRequests) {
      const authorization = (await request.allHeaders()).authorization ?? '';
      expect(authorization).toMatch(/^Bearer [\w-]+\.[\w-]+\.[\w-]+$/);
      const claims = jwtClaims(authorization.slice('Bearer '.length));
      expect(claims).toMatchObject({
        iss: dashboard.url,
        aud: appUrl,
        account_id: dashboard.accountId,
        contact_id: target.contactId,
        conversation_id: target.displayId,
      });
    }
    // The email the page sends is only a hint for made-up history; it is the conversation's.
    const hinted = new URL(apiRequests[0]!.url()).searchParams.get('email');
    expect(hinted).toBe(target.email);
    expect(errors).toEqual([]);
  });

  it('opened on its own, shows only the "inside the dashboard" message and no customer data', async () => {
    // Even in the agent's signed-in browser: the app has no token, so it has nothing to show.
    const { context, page, errors } = await newPage(browser, dashboard.url, {
      storageState: session,
    });
    contexts.push(context);
    const apiRequests: string[] = [];
    page.on('request', (request) => {
      if (request.url().startsWith(`${appUrl}/api/`)) apiRequests.push(request.url());
    });
    await page.goto(`${appUrl}/`);
    const notice = page.getByTestId('outside');
    await notice.waitFor();
    expect(await notice.innerText()).toContain('This app only works inside the Bevatel dashboard');
    const text = await page.locator('body').innerText();
    expect(text).not.toContain(target.name);
    expect(text).not.toContain(target.email);
    expect(text).not.toMatch(/BV-\d{6}-\d{4}/);
    expect(await page.getByTestId('order-number').count()).toBe(0);
    expect(apiRequests).toEqual([]);
    expect(errors).toEqual([]);
  });

  it('answers 401 to GET /api/orders without a valid token, with no data', async () => {
    const query = `email=${encodeURIComponent(target.email)}`;
    const attempts: Record<string, string>[] = [
      {},
      { authorization: 'Bearer not-a-token' },
      { authorization: `Basic ${Buffer.from('admin:admin').toString('base64')}` },
    ];
    for (const headers of attempts) {
      const response = await fetch(`${appUrl}/api/orders?${query}`, { headers });
      expect(response.status).toBe(401);
      expect(response.headers.get('www-authenticate')).toMatch(/^Bearer/);
      const text = await response.text();
      expect(JSON.parse(text)).toMatchObject({ error: 'unauthorized', statusCode: 401 });
      expect(text).not.toContain(target.email);
      expect(text).not.toMatch(/BV-\d{6}-\d{4}/);
    }
  });
});
