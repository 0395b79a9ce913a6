import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, signInContext } from '../support/browser';
import { addConversations } from '../support/bulk-conversations';
import { DEMO_ADMIN, startDashboard, type RunningDashboard } from '../support/dashboard';
import { watchErrors } from './support';

const EXTRA = 10_000;

describe('conversation list with 10,000 conversations', () => {
  let dashboard: RunningDashboard;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;

  beforeAll(async () => {
    dashboard = await startDashboard(
      process.env.E2E_WEB_DIST ? { config: { webDist: process.env.E2E_WEB_DIST } } : {},
    );
    await addConversations(dashboard, EXTRA);
    browser = await launchBrowser();
    context = await signInContext(browser, dashboard.url, DEMO_ADMIN);
    page = await context.newPage();
    await page.setViewportSize({ width: 1440, height: 900 });
  });

  afterAll(async () => {
    await context?.close();
    await browser?.close();
    await dashboard?.close();
  });

  it('keeps the DOM small and pages in more rows as the agent scrolls', async () => {
    const errors = watchErrors(page);
    await page.goto(`/app/accounts/${dashboard.accountId}/conversations`);
    const tab = page.getByRole('tab', { name: /All/ });
    await tab.click();
    await tab.getByText(/10,0\d\d/).waitFor();
    const list = page.getByRole('list', { name: 'Conversation list' });
    await list.getByRole('listitem').first().waitFor();

    // Long tasks while scrolling say whether the main thread kept up.
    await page.evaluate(() => {
      const w = window as unknown as { __longTasks: number[] };
      w.__longTasks = [];
      new PerformanceObserver((entries) => {
        for (const entry of entries.getEntries()) w.__longTasks.push(entry.duration);
      }).observe({ type: 'longtask', buffered: false });
    });
    const scroller = page.locator('.conversation-scroll');
    const started = Date.now();
    let rendered = 0;
    for (let i = 0; i < 12; i += 1) {
      await scroller.evaluate((el) => el.scrollTo({ top: el.scrollHeight }));
      await page.waitForTimeout(150);
      rendered = Math.max(rendered, await list.getByRole('listitem').count());
    }
    // Well past the first pages: the row of conversation #N is reachable, the DOM stays small.
    await expect
      .poll(() => scroller.evaluate((el) => el.scrollHeight), { timeout: 15_000 })
      .toBeGreaterThan(84 * 200);
    const longTasks = await page.evaluate(
      () => (window as unknown as { __longTasks: number[] }).__longTasks,
    );
    console.log(
      `10k list: ${Date.now() - started} ms for 12 scrolls to the end, ` +
        `max rows in DOM ${rendered}, long tasks ${longTasks.length} (max ${Math.round(Math.max(0, ...longTasks))} ms)`,
    );
    expect(rendered).toBeLessThan(60);
    expect(errors).toEqual([]);
  });

  it('moves between rows with the arrow keys, beyond the rows first rendered', async () => {
    const scroller = page.locator('.conversation-scroll');
    await scroller.evaluate((el) => el.scrollTo({ top: 0 }));
    await page.locator('[data-index="0"] a').focus();
    for (let i = 0; i < 40; i += 1) await page.keyboard.press('ArrowDown');
    await expect
      .poll(() =>
        page.evaluate(() =>
          document.activeElement?.closest('[data-index]')?.getAttribute('data-index'),
        ),
      )
      .toBe('40');
    await page.keyboard.press('ArrowUp');
    await expect
      .poll(() =>
        page.evaluate(() =>
          document.activeElement?.closest('[data-index]')?.getAttribute('data-index'),
        ),
      )
      .toBe('39');
  });
});
