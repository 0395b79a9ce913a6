import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startRedisServer, type RedisServer } from '../../apps/server/src/reliability/redis-server';
import { launchBrowser, signInContext } from '../support/browser';
import { startDashboard, type RunningDashboard } from '../support/dashboard';
import { REPO_ROOT } from '../support/paths';
import {
  OMAR,
  conversationAssignedTo,
  newContext,
  signInThroughForm,
  watchErrors,
} from './support';

const SHOTS = join(REPO_ROOT, 'test-results', 'screenshots');

/**
 * The dashboard during a Redis outage, with the server on a Redis of the test's own: the
 * socket stays open, the header says live updates are reconnecting, and what was said meanwhile
 * appears without a reload once Redis is back.
 */
describe('dashboard while Redis is away', () => {
  let redis: RedisServer;
  let dashboard: RunningDashboard;
  let browser: Browser;
  let admin: BrowserContext;
  let page: Page;
  let errors: string[];
  let target: { displayId: number; contactName: string };

  beforeAll(async () => {
    mkdirSync(SHOTS, { recursive: true });
    redis = await startRedisServer();
    dashboard = await startDashboard({
      config: {
        redisUrl: redis.url,
        redisChannel: `bevatel:e2e-outage:${Date.now()}`,
        ...(process.env.E2E_WEB_DIST ? { webDist: process.env.E2E_WEB_DIST } : {}),
      },
    });
    browser = await launchBrowser();
    target = await conversationAssignedTo(dashboard, OMAR.email);
    admin = await newContext(browser, dashboard.url);
    page = await admin.newPage();
    errors = watchErrors(page);
    await signInThroughForm(page, 'admin@bevatel.test', 'Bevatel!2026');
  });

  afterAll(async () => {
    await admin?.close();
    await browser?.close();
    await dashboard?.close();
    await redis?.kill();
  });

  it('shows the reconnecting notice during the outage and catches up after it', async () => {
    await page.goto(`/app/accounts/${dashboard.accountId}/conversations/${target.displayId}`);
    const thread = page.getByRole('region', { name: 'Messages' });
    await thread.getByRole('listitem').first().waitFor();
    const notice = page.getByRole('status').getByText('Reconnecting…');
    expect(await notice.count()).toBe(0);

    await redis.kill();
    await notice.waitFor({ timeout: 10_000 });
    await page.screenshot({ path: join(SHOTS, 'redis-outage-en.png') });
    await page.setViewportSize({ width: 390, height: 844 });
    await page.screenshot({ path: join(SHOTS, 'redis-outage-en-390.png') });
    await page.setViewportSize({ width: 1440, height: 900 });

    // Another agent replies meanwhile: saved at once, shown here only once Redis is back.
    const omar = await signInContext(browser, dashboard.url, OMAR);
    const reply = `Said during the outage ${Date.now()}`;
    const started = Date.now();
    const posted = await omar.request.post(
      `/api/v1/accounts/${dashboard.accountId}/conversations/${target.displayId}/messages`,
      {
        data: { content: reply },
        headers: { 'x-csrf-token': await csrfToken(omar) },
      },
    );
    expect(posted.status()).toBe(200);
    expect(Date.now() - started).toBeLessThan(1500);
    await omar.close();

    await redis.start();
    await notice.waitFor({ state: 'detached', timeout: 15_000 });
    await thread.getByText(reply).waitFor({ timeout: 10_000 });
    expect(await thread.getByText(reply).count()).toBe(1);
    expect(errors).toEqual([]);
  });

  it('says it in Arabic too', async () => {
    await page.getByRole('button', { name: /profile and preferences/ }).click();
    await page.getByRole('menuitemradio', { name: 'العربية' }).click();
    await page.waitForFunction(() => document.documentElement.dir === 'rtl');
    await redis.kill();
    const notice = page.getByRole('status').getByText('جارٍ إعادة الاتصال…');
    await notice.waitFor({ timeout: 10_000 });
    await page.screenshot({ path: join(SHOTS, 'redis-outage-ar.png') });
    await redis.start();
    await notice.waitFor({ state: 'detached', timeout: 15_000 });
    await page.getByRole('button', { name: /الملف الشخصي والتفضيلات/ }).click();
    await page.getByRole('menuitemradio', { name: 'English' }).click();
    await page.waitForFunction(() => document.documentElement.dir === 'ltr');
    expect(errors).toEqual([]);
  });
});

/** The CSRF token of a cookie session (writes through the cookie need it). */
async function csrfToken(context: BrowserContext): Promise<string> {
  const session = await context.request.get('/auth/session');
  const body = (await session.json()) as { data: { csrf_token: string } };
  return body.data.csrf_token;
}
