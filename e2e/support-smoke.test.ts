import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { launchBrowser } from './support/browser';
import { startDashboard, type RunningDashboard } from './support/dashboard';

describe('e2e support', () => {
  let dashboard: RunningDashboard;
  let browser: Browser;
  beforeAll(async () => {
    dashboard = await startDashboard({ seed: false });
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await dashboard?.close();
  });

  it('serves the built dashboard to a real Chromium', async () => {
    const page = await browser.newPage();
    const response = await page.goto(`${dashboard.url}/app/login`);
    expect(response?.status()).toBe(200);
    expect(await page.locator('#root').count()).toBe(1);
    await page.close();
  });
});
