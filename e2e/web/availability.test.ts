import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser } from '../support/browser';
import { DEMO_ADMIN, startDashboard, type RunningDashboard } from '../support/dashboard';
import { REPO_ROOT } from '../support/paths';
import { OMAR, conversationAssignedTo, signedInPage, watchErrors } from './support';

const SHOTS = join(REPO_ROOT, 'test-results', 'screenshots');

/**
 * Availability as agents see it: Omar picks Busy in the header, and the administrator's
 * assignment menu and conversation header say so at once; Omar closes his last tab and, after
 * the grace period, shows offline (auto-offline); he comes back and is Busy again.
 */
describe('availability in Chromium', () => {
  let dashboard: RunningDashboard;
  let browser: Browser;
  let displayId: number;
  const pages: Page[] = [];

  beforeAll(async () => {
    mkdirSync(SHOTS, { recursive: true });
    dashboard = await startDashboard({
      config: { presence: { graceMs: 1_000, heartbeatMs: 250 } },
    });
    browser = await launchBrowser();
    ({ displayId } = await conversationAssignedTo(dashboard, OMAR.email));
  });

  afterAll(async () => {
    for (const page of pages)
      await page
        .context()
        .close()
        .catch(() => undefined);
    await browser?.close();
    await dashboard?.close();
  });

  const open = async (credentials: { email: string; password: string }, locale = 'en-US') => {
    const page = await signedInPage(browser, dashboard.url, credentials, locale);
    pages.push(page);
    await page.goto(`/app/accounts/${dashboard.accountId}/conversations/${displayId}`);
    await page.getByRole('region', { name: /Messages|الرسائل/ }).waitFor();
    return page;
  };
  const omarOption = (page: Page) =>
    page.getByLabel('Agent', { exact: true }).locator('option', { hasText: 'Omar' });

  it('shows a colleague’s choice and auto-offline live in the assignment menu', async () => {
    const admin = await open(DEMO_ADMIN);
    const errors = watchErrors(admin);
    await expect.poll(() => omarOption(admin).innerText()).toMatch(/· (Online|Offline)$/);

    const omar = await open(OMAR);
    await omar.getByRole('button', { name: /profile and preferences/ }).click();
    await omar.getByRole('menuitemradio', { name: 'Busy' }).click();
    await expect.poll(() => omarOption(admin).innerText(), { timeout: 5_000 }).toMatch(/· Busy$/);
    // He is the assignee: the header's dot says it too, by name.
    await admin.getByRole('img', { name: 'Busy' }).first().waitFor();
    await admin.screenshot({ path: join(SHOTS, 'availability-busy-en.png') });
    await omar.getByRole('button', { name: /profile and preferences/ }).click();
    await omar.screenshot({ path: join(SHOTS, 'availability-menu-en.png') });

    // His last tab closes: offline after the grace period (1 s here).
    await omar.context().close();
    await expect
      .poll(() => omarOption(admin).innerText(), { timeout: 10_000 })
      .toMatch(/· Offline$/);
    // Back: his choice again.
    await open(OMAR);
    await expect.poll(() => omarOption(admin).innerText(), { timeout: 10_000 }).toMatch(/· Busy$/);
    expect(errors).toEqual([]);
  });

  it('speaks Arabic in the menu', async () => {
    const omar = await open(OMAR, 'ar');
    await omar.getByRole('button', { name: /الملف الشخصي والتفضيلات/ }).click();
    await omar.getByRole('menuitemradio', { name: 'مشغول' }).waitFor();
    await omar.screenshot({ path: join(SHOTS, 'availability-menu-ar.png') });
  });
});
