import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startReceiver, type Receiver } from '../../apps/server/src/modules/webhooks/testing';
import { verifyWebhook } from '../../packages/sdk/src/server';
import { launchBrowser } from '../support/browser';
import { DEMO_ADMIN, startDashboard, type RunningDashboard } from '../support/dashboard';
import { REPO_ROOT } from '../support/paths';
import { ScriptApi } from './api';
import { seriousViolations, signedInPage, watchErrors } from './support';

const SHOTS = join(REPO_ROOT, 'test-results', 'screenshots');

/**
 * Settings › Integrations › Webhooks as an administrator uses it: a private address refused,
 * a webhook added (the secret shown once signs what the receiver gets), the delivery log with
 * a failed delivery and Redeliver; in English, in Arabic and at phone width.
 */
describe('webhooks settings in Chromium', () => {
  let dashboard: RunningDashboard;
  let browser: Browser;
  let receiver: Receiver;
  let healthy = true;
  const pages: Page[] = [];

  beforeAll(async () => {
    mkdirSync(SHOTS, { recursive: true });
    receiver = await startReceiver(() => (healthy ? 200 : 500));
    dashboard = await startDashboard({
      config: {
        outboundPrivateHosts: ['127.0.0.1'],
        webhooks: {
          timeoutMs: 1000,
          pollMs: 100,
          retry: { delaysMs: [200, 200, 200], maxDelayMs: 400, giveUpAfterMs: 1500, jitter: 0.2 },
        },
      },
    });
    browser = await launchBrowser();
  });
  afterAll(async () => {
    for (const page of pages) await page.context().close();
    await browser?.close();
    await dashboard?.close();
    await receiver?.close();
  });

  const open = async (locale = 'en-US', viewport = { width: 1440, height: 900 }) => {
    const page = await signedInPage(browser, dashboard.url, DEMO_ADMIN, locale, viewport);
    pages.push(page);
    return page;
  };

  it('adds a webhook, shows its secret once, and logs what was delivered', async () => {
    const page = await open();
    const errors = watchErrors(page);
    await page.goto(`/app/accounts/${dashboard.accountId}/settings/integrations`);
    await page.getByRole('link', { name: 'Configure Webhooks' }).click();
    await page.getByRole('heading', { name: 'Webhooks', level: 1 }).waitFor();
    await page.getByText('No webhooks yet').waitFor();

    await page.getByRole('button', { name: 'Add a webhook' }).first().click();
    const dialog = page.getByRole('dialog', { name: 'Add a webhook' });
    await dialog.getByLabel('URL', { exact: true }).fill('https://10.0.0.1/hook');
    await dialog.getByRole('button', { name: 'Create' }).click();
    await dialog.getByText('This address is private, loopback or link-local').waitFor();
    await page.screenshot({ path: join(SHOTS, 'webhook-private-refused-en.png') });

    await dialog.getByLabel('URL', { exact: true }).fill(receiver.url);
    await dialog.getByLabel('Name (optional)').fill('CRM');
    await dialog.getByRole('checkbox', { name: /Contact updated/ }).uncheck();
    await dialog.getByRole('button', { name: 'Create' }).click();
    const secretDialog = page.getByRole('dialog', { name: 'Signing secret of CRM' });
    const secret = await secretDialog.getByLabel('Signing secret').inputValue();
    expect(secret).toMatch(/^[A-Za-z0-9_-]{43}$/);
    await page.screenshot({ path: join(SHOTS, 'webhook-secret-en.png') });
    await secretDialog.getByRole('button', { name: 'Done' }).click();
    const card = page.getByRole('listitem').filter({ hasText: 'CRM' });
    await card.getByText('6 events').waitFor();

    // A contact made by a script reaches the receiver, signed with the secret shown.
    const api = await ScriptApi.signIn(dashboard.url, DEMO_ADMIN);
    await api.request('POST', 'contacts', { name: 'Webhook Customer' });
    const [delivered] = await receiver.waitFor(1);
    const verified = verifyWebhook(delivered!.body, delivered!.headers, { secret });
    expect(verified.payload).toMatchObject({ event: 'contact_created', name: 'Webhook Customer' });

    // The receiver goes down: the next one fails through the schedule.
    healthy = false;
    await api.request('POST', 'contacts', { name: 'Unlucky Customer' });
    await card.getByRole('link', { name: 'Delivery log of CRM' }).click();
    await page.getByRole('heading', { name: 'Delivery log', level: 1 }).waitFor();
    const rows = page.locator('.delivery-row');
    await rows.filter({ hasText: 'Failed' }).waitFor({ timeout: 15_000 });
    const failed = rows.filter({ hasText: 'Failed' });
    await expect(rows.filter({ hasText: 'Delivered' }).count()).resolves.toBe(1);
    await failed.getByText('HTTP 500').waitFor();
    await failed.getByRole('button', { name: /Details of delivery/ }).click();
    await failed.getByText('Unlucky Customer').waitFor();
    await page.screenshot({ path: join(SHOTS, 'webhook-log-failed-en.png'), fullPage: true });

    healthy = true;
    const before = receiver.requests.length;
    await failed.getByRole('button', { name: /Redeliver/ }).click();
    await page.getByText('The delivery is on its way again.').waitFor();
    await receiver.waitFor(before + 1);
    await expect
      .poll(async () => rows.filter({ hasText: 'Delivered' }).count(), { timeout: 10_000 })
      .toBe(2);
    const again = verifyWebhook(
      receiver.requests[before]!.body,
      receiver.requests[before]!.headers,
      { secret },
    );
    expect(again.payload).toMatchObject({ name: 'Unlucky Customer' });
    expect(await seriousViolations(page)).toEqual([]);
    await page.screenshot({ path: join(SHOTS, 'webhook-log-en.png'), fullPage: true });
    expect(errors.filter((e) => !/status of 422/.test(e))).toEqual([]);
  });

  it('reads in Arabic, right to left, and fits a phone', async () => {
    const page = await open('ar');
    await page.goto(`/app/accounts/${dashboard.accountId}/settings/integrations/webhook`);
    await page.getByRole('heading', { name: 'خطافات الويب', level: 1 }).waitFor();
    expect(await page.evaluate(() => document.documentElement.dir)).toBe('rtl');
    await page.getByText('6 أحداث').waitFor();
    await page.screenshot({ path: join(SHOTS, 'webhook-list-ar.png') });

    const phone = await open('ar', { width: 390, height: 844 });
    await phone.goto(`/app/accounts/${dashboard.accountId}/settings/integrations/webhook`);
    await phone.getByRole('heading', { name: 'خطافات الويب', level: 1 }).waitFor();
    await phone.screenshot({ path: join(SHOTS, 'webhook-list-ar-390.png'), fullPage: true });
    await phone.getByRole('link', { name: /سجل الإرسال/ }).click();
    await phone.getByRole('heading', { name: 'سجل الإرسال', level: 1 }).waitFor();
    await phone.locator('.delivery-row').first().waitFor();
    const overflow = await phone.evaluate(
      () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
    );
    expect(overflow).toBeLessThanOrEqual(0);
    await phone
      .getByRole('button', { name: /تفاصيل الإرسال/ })
      .first()
      .click();
    await phone.locator('.delivery-payload').first().waitFor();
    await phone.screenshot({ path: join(SHOTS, 'webhook-log-ar-390.png'), fullPage: true });

    const english = await open('en-US', { width: 390, height: 844 });
    await english.goto(`/app/accounts/${dashboard.accountId}/settings/integrations/webhook`);
    await english.getByRole('heading', { name: 'Webhooks', level: 1 }).waitFor();
    await english.screenshot({ path: join(SHOTS, 'webhook-list-en-390.png'), fullPage: true });
  });
});
