/**
 * Manifests in Chromium, through the settings page: an app exported as JSON from its row menu
 * (no values, no secret), then installed from that file after the one consent screen (where it
 * appears, what it sees and may do, the hosts its server calls, its settings with a secure
 * one), with bad manifests refused before anything is sent. The secure value typed on the
 * consent screen is stored sealed and never shown again. axe; screenshots en/ar/phone.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DashboardApp, DashboardAppManifest } from '../../packages/protocol/src';
import { openSecureSettings } from '../../apps/server/src/modules/dashboard-apps/secure-settings';
import { collectPageErrors, launchBrowser, signInContext } from '../support/browser';
import {
  DEMO_ADMIN,
  E2E_SECRET_KEY_BASE,
  startDashboard,
  type RunningDashboard,
} from '../support/dashboard';
import { Api } from '../dashboard-apps-host/world';
import { seriousViolations } from './axe';

const SHOTS = new URL('../../test-results/', import.meta.url).pathname;
const FIRST_SECRET = 'sk_first_install_secret_1111';
const NEW_SECRET = 'sk_from_the_consent_screen_2222';

describe('installing and exporting dashboard app manifests, in Chromium', () => {
  let dashboard: RunningDashboard;
  let browser: Browser;
  let api: Api;
  let session: Awaited<ReturnType<BrowserContext['storageState']>>;
  let exported: DashboardAppManifest;
  const files = mkdtempSync(join(tmpdir(), 'manifest-e2e-'));
  const contexts: BrowserContext[] = [];

  async function newPage(
    options: { locale?: string; viewport?: { width: number; height: number } } = {},
  ): Promise<{ page: Page; errors: string[] }> {
    const context = await browser.newContext({
      baseURL: dashboard.url,
      locale: options.locale ?? 'en-US',
      viewport: options.viewport ?? { width: 1440, height: 900 },
      storageState: session,
      acceptDownloads: true,
    });
    contexts.push(context);
    await context.route(`${dashboard.url}/favicon.ico`, (route) => route.fulfill({ status: 204 }));
    const page = await context.newPage();
    await page.goto(`/app/accounts/${api.accountId}/settings/integrations/dashboard_apps`);
    await page.getByRole('heading', { level: 1 }).waitFor();
    return { page, errors: collectPageErrors(page) };
  }
  const toast = (page: Page, text: string) =>
    page.locator('.toast').filter({ hasText: text }).first();

  beforeAll(async () => {
    mkdirSync(SHOTS, { recursive: true });
    dashboard = await startDashboard();
    ({ api } = await Api.signIn(dashboard.url));
    await api.post<DashboardApp>('dashboard_apps', {
      title: 'Orders CRM',
      title_ar: 'طلبات العملاء',
      description: 'Orders of the customer, from our CRM.',
      content: [{ type: 'frame', url: 'https://crm.example.com/orders?email={{contact.email}}' }],
      locations: ['conversation.sidebar', 'contact.page'],
      permissions: ['notes:read', 'composer:write', 'request'],
      visibility: { roles: ['administrator'] },
      proxy_allowlist: ['api.crm.example.com'],
      settings: [
        { name: 'region', label: 'Region', type: 'select', options: ['eu', 'us'], value: 'eu' },
        {
          name: 'api_key',
          label: 'API key',
          label_ar: 'مفتاح الواجهة',
          type: 'text',
          secure: true,
          required: true,
          value: FIRST_SECRET,
        },
      ],
    });
    browser = await launchBrowser();
    const signedIn = await signInContext(browser, dashboard.url, DEMO_ADMIN);
    session = await signedIn.storageState();
    await signedIn.close();
  });

  afterAll(async () => {
    for (const context of contexts) await context.close();
    await browser?.close();
    await dashboard?.close();
    rmSync(files, { recursive: true, force: true });
  });

  it('exports an app as a manifest file from its row menu, without values or secrets', async () => {
    const { page, errors } = await newPage();
    await page.getByRole('button', { name: 'More actions for Orders CRM' }).click();
    const download = page.waitForEvent('download');
    await page.getByRole('menuitem', { name: 'Export manifest' }).click();
    const file = await download;
    expect(file.suggestedFilename()).toBe('orders-crm.manifest.json');
    const path = join(files, 'exported.json');
    await file.saveAs(path);
    const text = readFileSync(path, 'utf8');
    expect(text).not.toContain(FIRST_SECRET);
    exported = JSON.parse(text) as DashboardAppManifest;
    expect(exported).toMatchObject({
      manifest_version: 1,
      name: 'Orders CRM',
      name_ar: 'طلبات العملاء',
      url: 'https://crm.example.com/orders?email={{contact.email}}',
      locations: ['conversation.sidebar', 'contact.page'],
      permissions: ['notes:read', 'composer:write', 'request'],
      proxy_allowlist: ['api.crm.example.com'],
    });
    expect(exported.settings?.map((s) => [s.name, s.secure])).toEqual([
      ['region', false],
      ['api_key', true],
    ]);
    expect(exported).not.toHaveProperty('visibility');
    await toast(page, 'The manifest of “Orders CRM” was downloaded.').waitFor();
    expect(errors).toEqual([]);
  });

  it('refuses bad manifests before sending, then installs one after the consent screen; its secret is never shown again', async () => {
    const { page, errors } = await newPage();
    const posts: string[] = [];
    page.on('request', (request) => {
      if (request.method() === 'POST' && request.url().includes('/dashboard_apps')) {
        posts.push(request.url());
      }
    });
    await page.getByRole('button', { name: 'Install from manifest' }).click();
    const dialog = page.getByRole('dialog', { name: 'Install an app from its manifest' });
    const json = dialog.getByLabel('Manifest (JSON)');
    const review = dialog.getByRole('button', { name: 'Review' });
    await review.click();
    await dialog.getByText('Paste a manifest or choose its file.').waitFor();
    await json.fill('{"manifest_version": 1,');
    await review.click();
    await dialog.getByText(/This is not valid JSON/).waitFor();
    expect(await json.getAttribute('aria-invalid')).toBe('true');
    await json.fill(JSON.stringify({ manifest_version: 1, name: 'No URL' }));
    await review.click();
    await dialog.getByRole('alert').getByText('url', { exact: true }).waitFor();
    await json.fill(
      JSON.stringify({ ...exported, url: 'https://{{account.id}}.crm.example.com/orders' }),
    );
    await review.click();
    await dialog.getByText('Placeholders may only be in the path').waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    expect(posts).toEqual([]);

    // The exported file, renamed, uploaded.
    const copy = { ...exported, name: 'Orders CRM copy', name_ar: 'نسخة الطلبات' };
    const path = join(files, 'copy.json');
    writeFileSync(path, JSON.stringify(copy, null, 2));
    await dialog.getByLabel('Manifest file').setInputFiles(path);

    const consent = page.getByRole('dialog', { name: 'Install “Orders CRM copy”?' });
    await consent.waitFor();
    await consent.getByText('https://crm.example.com', { exact: true }).waitFor();
    await consent.getByText('Conversation sidebar', { exact: true }).waitFor();
    await consent.getByText('Contact page', { exact: true }).waitFor();
    await consent.getByText("Put text into the agent's reply box").waitFor();
    await consent.getByText('api.crm.example.com').waitFor();
    await consent.getByText('Once installed it is shown to everyone in this account').waitFor();
    const key = consent.getByRole('textbox', { name: 'API key' });
    expect(await key.getAttribute('type')).toBe('password');
    expect(await consent.getByRole('combobox', { name: 'Region' }).inputValue()).toBe('');
    expect(await seriousViolations(page)).toEqual([]);
    await page.screenshot({ path: `${SHOTS}settings-manifest-consent-en.png` });

    // A required secure setting left empty is refused beside it.
    await consent.getByRole('button', { name: 'Install' }).click();
    await consent.getByText('Enter a value: this setting is required.').waitFor();
    expect(await key.evaluate((el) => el === document.activeElement)).toBe(true);
    expect(posts).toEqual([]);
    await key.fill(NEW_SECRET);
    await consent.getByRole('combobox', { name: 'Region' }).selectOption('us');
    const answer = page.waitForResponse(
      (r) => r.request().method() === 'POST' && r.url().endsWith('/dashboard_apps/manifest'),
    );
    await consent.getByRole('button', { name: 'Install' }).click();
    const installed = (await (await answer).json()) as DashboardApp;
    await consent.waitFor({ state: 'detached' });
    await toast(page, '“Orders CRM copy” was installed.').waitFor();
    await page.getByRole('rowheader', { name: /Orders CRM copy/ }).waitFor();

    expect(JSON.stringify(installed)).not.toContain(NEW_SECRET);
    expect(installed).toMatchObject({
      title: 'Orders CRM copy',
      title_ar: 'نسخة الطلبات',
      locations: ['conversation.sidebar', 'contact.page'],
      visibility: { roles: [], inbox_ids: [], team_ids: [] },
      enabled: true,
    });
    expect(installed.settings).toEqual([
      expect.objectContaining({ name: 'region', value: 'us' }),
      expect.objectContaining({ name: 'api_key', has_value: true }),
    ]);
    const row = await dashboard.db
      .selectFrom('dashboard_apps')
      .select('secure_settings')
      .where('id', '=', installed.id)
      .executeTakeFirstOrThrow();
    expect(row.secure_settings).not.toContain(NEW_SECRET);
    expect(
      openSecureSettings(
        row.secure_settings,
        { accountId: api.accountId, appId: installed.id },
        E2E_SECRET_KEY_BASE,
      ),
    ).toEqual({ api_key: NEW_SECRET });

    // Never again in the page or an answer: the list, the form (masked), the export.
    const list = await api.request<DashboardApp[]>('GET', 'dashboard_apps');
    expect(JSON.stringify(list)).not.toContain(NEW_SECRET);
    await page.getByRole('button', { name: 'Edit Orders CRM copy' }).click();
    const edit = page.getByRole('dialog', { name: 'Edit dashboard app' });
    await edit.getByText('A value is saved. It is hidden').waitFor();
    expect(await page.content()).not.toContain(NEW_SECRET);
    await page.keyboard.press('Escape');
    const manifest = await api.request<unknown>('GET', `dashboard_apps/${installed.id}/manifest`);
    expect(JSON.stringify(manifest)).not.toContain(NEW_SECRET);
    expect(errors).toEqual([]);
  });

  it('shows the consent screen in Arabic, right to left, and on a phone', async () => {
    for (const [locale, viewport, shot] of [
      ['ar', { width: 1440, height: 900 }, 'ar'],
      ['en-US', { width: 390, height: 844 }, 'phone'],
    ] as const) {
      const { page, errors } = await newPage({ locale, viewport });
      await page
        .getByRole('button', {
          name: locale === 'ar' ? 'التثبيت من ملف تعريف' : 'Install from manifest',
        })
        .click();
      await page.getByRole('dialog').getByRole('textbox').fill(JSON.stringify(exported));
      await page.getByRole('button', { name: locale === 'ar' ? 'مراجعة' : 'Review' }).click();
      const consent = page.getByRole('dialog', {
        name: locale === 'ar' ? 'تثبيت «طلبات العملاء»؟' : 'Install “Orders CRM”?',
      });
      await consent.waitFor();
      if (locale === 'ar') {
        expect(await page.evaluate(() => document.documentElement.dir)).toBe('rtl');
        await consent.getByRole('textbox', { name: 'مفتاح الواجهة' }).waitFor();
      } else {
        const box = (await consent.boundingBox())!;
        expect(box.width).toBeLessThanOrEqual(viewport.width);
      }
      expect(await seriousViolations(page)).toEqual([]);
      await page.screenshot({ path: `${SHOTS}settings-manifest-consent-${shot}.png` });
      expect(errors).toEqual([]);
    }
  });
});
