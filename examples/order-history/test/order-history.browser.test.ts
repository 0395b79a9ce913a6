/**
 * The app in real Chromium, framed by a stand-in dashboard on another origin, with context
 * tokens signed as the dashboard's server signs them.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Frame, Page } from 'playwright-core';
import { generateOrders } from '../server/orders';
import { startOrderHistory } from '../server/start';
import type { RunningApp } from '../server/start';
import { launchChromium } from './browser';
import { sampleContext } from './fixture';
import { startStandInHost } from './host';
import type { StandInHost } from './host';
import { TEST_SECRET, tokenFor } from './tokens';

let host: StandInHost;
let app: RunningApp;
let browser: Browser;
// A fresh build of the current sources, apart from dist/ (which a running app may be serving).
const webDir = mkdtempSync(join(tmpdir(), 'order-history-web-'));

// Demo customers whose made-up history is not empty, so there is something to see.
const [FIRST = '', SECOND = ''] = ['layla', 'sami', 'noura', 'khalid', 'huda', 'fahad']
  .map((name) => `${name}@example.com`)
  .filter((email) => generateOrders(email, Date.now()).length > 0);

beforeAll(async () => {
  host = await startStandInHost();
  app = await startOrderHistory({
    port: 0,
    secret: TEST_SECRET,
    dashboardOrigins: [host.origin],
    dbPath: ':memory:',
    build: 'always',
    webDir,
  });
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await app?.close();
  await host?.close();
  rmSync(webDir, { recursive: true, force: true });
});

async function openInHost(page: Page): Promise<Frame> {
  await page.goto(host.pageFor(`${app.url}/`));
  const handle = await page.waitForSelector('iframe#app');
  const frame = await handle.contentFrame();
  if (!frame) throw new Error('the app frame did not load');
  await frame.waitForSelector('[data-testid="waiting"]');
  return frame;
}

function post(page: Page, message: string): Promise<void> {
  return page.evaluate((json) => {
    (window as unknown as { postContext(message: string): void }).postContext(json);
  }, message);
}

function contextMessage(options: Parameters<typeof sampleContext>[0]): string {
  return JSON.stringify({ event: 'appContext', data: sampleContext(options) });
}

async function orderNumbers(frame: Frame): Promise<string[]> {
  return frame.locator('[data-testid="order-number"]').allInnerTexts();
}

function expectedNumbers(email: string): string[] {
  return generateOrders(email, Date.now()).map((order) => order.number);
}

describe('order-history inside a dashboard', () => {
  it('shows the orders of the contact in view, and follows the conversation', async () => {
    const page = await browser.newPage();
    const frame = await openInHost(page);

    await post(
      page,
      contextMessage({
        contact: { id: 42, name: 'Layla Haddad', email: FIRST },
        token: tokenFor(app.url, { contact_id: 42 }),
      }),
    );
    await frame.waitForSelector('[data-testid="orders-title"]');
    expect(await frame.locator('[data-testid="orders-title"]').innerText()).toBe(
      'Orders of Layla Haddad',
    );
    expect(await orderNumbers(frame)).toEqual(expectedNumbers(FIRST));
    expect(await frame.locator('[data-testid="order-total"]').first().innerText()).toMatch(/SAR/);

    // Another conversation, in Arabic and dark mode, with its own token.
    await post(
      page,
      contextMessage({
        contact: { id: 43, name: 'سامي ناصر', email: SECOND },
        locale: 'ar',
        theme: 'dark',
        token: tokenFor(app.url, { contact_id: 43 }),
      }),
    );
    await frame.waitForFunction(
      () =>
        document.querySelector('[data-testid="orders-title"]')?.textContent === 'طلبات سامي ناصر',
    );
    expect(await orderNumbers(frame)).toEqual(expectedNumbers(SECOND));
    const presentation = await frame.evaluate(() => ({
      dir: document.documentElement.dir,
      lang: document.documentElement.lang,
      theme: document.documentElement.dataset.theme,
    }));
    expect(presentation).toEqual({ dir: 'rtl', lang: 'ar', theme: 'dark' });
    await page.close();
  });

  it('shows no customer data when the token is missing or refused', async () => {
    const page = await browser.newPage();
    const frame = await openInHost(page);
    const refused = [
      undefined,
      tokenFor(app.url, { contact_id: 42 }, 'a-different-secret'),
      tokenFor('https://another-app.example.com', { contact_id: 42 }),
    ];
    for (const [index, token] of refused.entries()) {
      // Start from a view with orders, so that the refusal has something to clear.
      await post(
        page,
        contextMessage({
          contact: { id: 42, name: 'Layla Haddad', email: FIRST },
          token: tokenFor(app.url, { contact_id: 42 }),
        }),
      );
      await frame.waitForSelector('[data-testid="order"]');

      const name = `Hidden Customer ${index}`;
      await post(
        page,
        contextMessage({ contact: { id: 99, name, email: 'hidden@example.com' }, token }),
      );
      await frame.waitForSelector('[data-testid="outside"]');
      const text = await frame.locator('body').innerText();
      expect(text).toContain('This app only works inside the Bevatel dashboard');
      expect(text).not.toContain(name);
      expect(text).not.toContain('hidden@example.com');
      expect(await frame.locator('[data-testid="order"]').count()).toBe(0);
    }
    await page.close();
  });
});

describe('order-history opened on its own', () => {
  it('says it only works inside the dashboard and shows no customer data', async () => {
    const page = await browser.newPage();
    await page.goto(`${app.url}/`);
    await page.waitForSelector('[data-testid="outside"]');
    expect(await page.locator('[data-testid="outside"]').innerText()).toContain(
      'This app only works inside the Bevatel dashboard',
    );
    expect(await page.locator('[data-testid="order"]').count()).toBe(0);
    const api = await page.evaluate(async () => (await fetch('/api/orders')).status);
    expect(api).toBe(401);
    await page.close();
  });
});
