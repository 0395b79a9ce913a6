/**
 * Pages for the example-app tests. The conversation view is driven with the host tests' helpers;
 * the example apps keep no `window.received`, so their frames are reached by title instead.
 */
import type { Browser, BrowserContext, FrameLocator, Page } from 'playwright-core';
import { collectPageErrors } from '../support/browser';

export { openConversation, pause } from '../dashboard-apps-host/host-page';

type StorageState = Awaited<ReturnType<BrowserContext['storageState']>>;

/** A fresh context (optionally signed in) and page; the dashboard's missing favicon is a 204. */
export async function newPage(
  browser: Browser,
  baseUrl: string,
  options: { storageState?: StorageState; locale?: string } = {},
): Promise<{ context: BrowserContext; page: Page; errors: string[] }> {
  const context = await browser.newContext({
    baseURL: baseUrl,
    locale: options.locale ?? 'en-US',
    storageState: options.storageState,
  });
  await context.route(`${baseUrl}/favicon.ico`, (route) => route.fulfill({ status: 204 }));
  const page = await context.newPage();
  return { context, page, errors: collectPageErrors(page) };
}

/** Opens an app's tab in the conversation view; its iframe is titled by the app's title. */
export async function openAppTab(page: Page, title: string): Promise<FrameLocator> {
  await page.getByRole('tab', { name: title, exact: true }).click();
  await page.locator(`iframe[title="${title}"]`).waitFor({ state: 'attached' });
  return page.frameLocator(`iframe[title="${title}"]`);
}

/** The claims of a JWT, unverified: the backend verifies; the test only reads them. */
export function jwtClaims(token: string): Record<string, unknown> {
  const [, payload] = token.split('.');
  if (!payload) throw new Error('not a JWT');
  return JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as Record<string, unknown>;
}
