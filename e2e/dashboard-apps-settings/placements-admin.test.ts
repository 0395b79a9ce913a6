/**
 * The administrator's side of issue 12 in Chromium, through the settings page only: an app
 * made in the form (locations, an inbox rule, an Arabic name, settings with a secure value,
 * proxy hosts) appears only where its rule says; the switch takes it away; the order changes
 * by keyboard and by mouse and the tabs follow. axe on each state; screenshots in
 * test-results/ (en, ar, phone).
 */
import { mkdirSync } from 'node:fs';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DashboardApp } from '../../packages/protocol/src';
import { openSecureSettings } from '../../apps/server/src/modules/dashboard-apps/secure-settings';
import { collectPageErrors, launchBrowser, signInContext } from '../support/browser';
import {
  DEMO_ADMIN,
  E2E_SECRET_KEY_BASE,
  startDashboard,
  type RunningDashboard,
} from '../support/dashboard';
import { openConversation } from '../dashboard-apps-host/host-page';
import { startTestApps, type TestAppServer } from '../dashboard-apps-host/test-apps';
import { createWorld, type HostWorld } from '../dashboard-apps-host/world';
import { seriousViolations } from './axe';

const SHOTS = new URL('../../test-results/', import.meta.url).pathname;
const SECRET = 'sk_live_never_shown_0123456789';
const PHONE = { width: 390, height: 844 };

describe('Dashboard Apps settings: where apps appear and for whom, in Chromium', () => {
  let dashboard: RunningDashboard;
  let apps: TestAppServer;
  let browser: Browser;
  let world: HostWorld;
  let support: { id: number; conversationId: number };
  let session: Awaited<ReturnType<BrowserContext['storageState']>>;
  const contexts: BrowserContext[] = [];

  async function newPage(
    options: { locale?: string; viewport?: { width: number; height: number } } = {},
  ): Promise<{ page: Page; errors: string[] }> {
    const context = await browser.newContext({
      baseURL: dashboard.url,
      locale: options.locale ?? 'en-US',
      viewport: options.viewport ?? { width: 1440, height: 900 },
      storageState: session,
    });
    contexts.push(context);
    await context.route(`${dashboard.url}/favicon.ico`, (route) => route.fulfill({ status: 204 }));
    const page = await context.newPage();
    return { page, errors: collectPageErrors(page) };
  }

  const settingsPath = () =>
    `/app/accounts/${world.api.accountId}/settings/integrations/dashboard_apps`;
  const listApps = () => world.api.request<DashboardApp[]>('GET', 'dashboard_apps');
  const appNamed = async (title: string) => (await listApps()).find((a) => a.title === title)!;
  const row = (page: Page, title: string) =>
    page.getByRole('row').filter({ has: page.getByRole('rowheader', { name: title }) });
  /** The conversation's tabs that are apps of this file (the order the agent sees). */
  const tabNames = async (page: Page, mine: string[]) => {
    await page.getByRole('tab', { name: 'Messages', exact: true }).waitFor();
    return (await page.getByRole('tab').allTextContents())
      .map((text) => text.trim())
      .filter((text) => mine.includes(text));
  };
  const toast = (page: Page, text: string | RegExp) =>
    page.locator('.toast').filter({ hasText: text }).first();

  beforeAll(async () => {
    mkdirSync(SHOTS, { recursive: true });
    apps = await startTestApps('127.0.0.1');
    dashboard = await startDashboard();
    world = await createWorld(dashboard.url);
    const inbox = await world.api.post<{ id: number }>('inboxes', {
      name: 'Returns',
      channel: { type: 'api' },
    });
    const conversation = await world.api.post<{ id: number }>('conversations', {
      inbox_id: inbox.id,
      contact_id: world.first.contact.id,
      status: 'open',
      message: { content: 'A question about a return' },
    });
    support = { id: inbox.id, conversationId: conversation.id };
    browser = await launchBrowser();
    const signedIn = await signInContext(browser, dashboard.url, DEMO_ADMIN);
    session = await signedIn.storageState();
    await signedIn.close();
  });

  afterAll(async () => {
    for (const context of contexts) await context.close();
    await browser?.close();
    await dashboard?.close();
    await apps?.close();
  });

  it('makes an app for one inbox with settings in the form; it appears only there and its secret is never shown', async () => {
    const { page, errors } = await newPage();
    await page.goto(settingsPath());
    await page.getByRole('button', { name: 'Add a new dashboard app' }).click();
    const dialog = page.getByRole('dialog', { name: 'Add a new dashboard app' });
    await dialog.waitFor();

    await dialog.getByLabel('Name', { exact: true }).fill('Support CRM');
    await dialog.getByLabel('Name in Arabic (optional)').fill('إدارة العملاء');
    await dialog.getByLabel('Description (optional)').fill('The customer’s record in our CRM.');
    // The URL, with a placeholder inserted from the list at the cursor.
    const url = dialog.getByLabel('Endpoint');
    await url.fill(apps.url('/app?name=Support%20CRM&crm='));
    await dialog.getByText('Put conversation or contact details in the URL').click();
    await dialog.getByRole('button', { name: /^Insert \{\{contact\.email\}\}/ }).click();
    expect(await url.inputValue()).toBe(apps.url('/app?name=Support%20CRM&crm={{contact.email}}'));
    // A placeholder the dashboard does not know is refused beside the field, before any request.
    await url.fill(apps.url('/app?x={{contact.age}}'));

    // Locations: the tab and the sidebar.
    await dialog.getByRole('checkbox', { name: /Conversation sidebar/ }).check();
    expect(await dialog.getByRole('checkbox', { name: /Conversation tab/ }).isChecked()).toBe(true);

    // Who: administrators in the Support inbox; the rule is said back in words.
    await dialog.getByRole('radio', { name: 'Only some people' }).check();
    await dialog.getByRole('checkbox', { name: 'Administrators' }).check();
    await dialog
      .getByRole('group', { name: 'Inboxes' })
      .getByRole('checkbox', { name: 'Returns', exact: true })
      .check();
    await dialog.getByText('Shown to: Administrators only · Inbox Returns').waitFor();

    // Settings: a plain store id and a secure API key.
    await dialog.getByRole('button', { name: 'Add a setting' }).click();
    await dialog
      .getByRole('group', { name: 'New setting' })
      .getByLabel('Label', { exact: true })
      .fill('Store id');
    // The name follows the label; the card is now named by it.
    const setting = dialog.getByRole('group', { name: 'Store id' });
    expect(await setting.getByLabel('Name (what the app reads)').inputValue()).toBe('store_id');
    await setting.getByRole('textbox', { name: 'Store id' }).fill('S-42');
    await dialog.getByRole('button', { name: 'Add a setting' }).click();
    await dialog
      .getByRole('group', { name: 'New setting' })
      .getByLabel('Label', { exact: true })
      .fill('API key');
    const key = dialog.getByRole('group', { name: /API key/ });
    await key.getByRole('checkbox', { name: /Secure/ }).check();
    await key.getByRole('checkbox', { name: 'Required' }).check();
    await dialog
      .getByRole('group', { name: /API key/ })
      .getByRole('textbox', { name: 'API key' })
      .fill(SECRET);
    await dialog.getByLabel(/Hosts the server may call/).fill('API.crm.example\n*.crm.example');

    const posts: string[] = [];
    page.on('request', (request) => {
      if (request.method() === 'POST' && request.url().includes('/dashboard_apps')) {
        posts.push(request.url());
      }
    });
    await dialog.getByRole('button', { name: 'Create' }).click();
    await dialog.getByText('{{contact.age}} is not a placeholder the dashboard knows').waitFor();
    expect(await url.evaluate((el) => el === document.activeElement)).toBe(true);
    expect(posts).toEqual([]);
    await url.fill(apps.url('/app?name=Support%20CRM&crm={{contact.email}}'));
    expect(await seriousViolations(page)).toEqual([]);
    await page.screenshot({ path: `${SHOTS}settings-form-en.png`, fullPage: false });
    await dialog.getByRole('group', { name: 'Who sees it' }).scrollIntoViewIfNeeded();
    await page.screenshot({ path: `${SHOTS}settings-form-who-en.png` });
    await key.scrollIntoViewIfNeeded();
    await page.screenshot({ path: `${SHOTS}settings-form-settings-en.png` });

    // The server's own refusal (a bidi control in the name) lands beside the field it names.
    const name = dialog.getByLabel('Name', { exact: true });
    await name.fill('Support\u202eCRM');
    await dialog.getByRole('button', { name: 'Create' }).click();
    await dialog.getByText(/title must not contain/i).waitFor();
    expect(await name.getAttribute('aria-invalid')).toBe('true');
    expect(posts).toHaveLength(1);
    await name.fill('Support CRM');
    await dialog.getByRole('button', { name: 'Create' }).click();
    await dialog.waitFor({ state: 'detached' });
    await toast(page, '“Support CRM” was added.').waitFor();

    const created = await appNamed('Support CRM');
    expect(created).toMatchObject({
      title_ar: 'إدارة العملاء',
      description: 'The customer’s record in our CRM.',
      locations: ['conversation.tab', 'conversation.sidebar'],
      visibility: { roles: ['administrator'], inbox_ids: [support.id], team_ids: [] },
      proxy_allowlist: ['api.crm.example', '*.crm.example'],
      content: [{ type: 'frame', url: apps.url('/app?name=Support%20CRM&crm={{contact.email}}') }],
    });
    expect(created.settings).toEqual([
      expect.objectContaining({ name: 'store_id', value: 'S-42', secure: false }),
      expect.objectContaining({ name: 'api_key', secure: true, required: true, has_value: true }),
    ]);
    expect(JSON.stringify(created)).not.toContain(SECRET);
    const sealed = () =>
      dashboard.db
        .selectFrom('dashboard_apps')
        .select('secure_settings')
        .where('id', '=', created.id)
        .executeTakeFirstOrThrow()
        .then((r) => r.secure_settings);
    const opened = async () =>
      openSecureSettings(
        await sealed(),
        { accountId: world.api.accountId, appId: created.id },
        E2E_SECRET_KEY_BASE,
      );
    expect(await sealed()).not.toContain(SECRET);
    expect(await opened()).toEqual({ api_key: SECRET });

    // The table says the rule and the places in words.
    const line = row(page, 'Support CRM');
    await line.getByText('Administrators only · Inbox Returns').waitFor();
    expect(await line.getByRole('listitem').allTextContents()).toEqual(
      expect.arrayContaining(['Tab', 'Sidebar']),
    );
    expect(await page.content()).not.toContain(SECRET);

    // Edit: the secure value is masked and kept when the form is saved without replacing it.
    await page.getByRole('button', { name: 'Edit Support CRM' }).click();
    const edit = page.getByRole('dialog', { name: 'Edit dashboard app' });
    await edit.getByText('A value is saved. It is hidden').waitFor();
    expect(await edit.getByRole('button', { name: 'Replace the value of API key' }).count()).toBe(
      1,
    );
    expect(await page.content()).not.toContain(SECRET);
    expect(await edit.getByRole('textbox', { name: 'Store id' }).inputValue()).toBe('S-42');
    await edit
      .getByRole('button', { name: 'Replace the value of API key' })
      .scrollIntoViewIfNeeded();
    await page.screenshot({ path: `${SHOTS}settings-form-secure-saved-en.png` });
    expect(await seriousViolations(page)).toEqual([]);
    await edit.getByLabel('Description (optional)').fill('Our CRM.');
    const patch = page.waitForRequest(
      (r) => r.method() === 'PATCH' && r.url().endsWith(`/dashboard_apps/${created.id}`),
    );
    await edit.getByRole('button', { name: 'Save' }).click();
    const sent = (await patch).postDataJSON() as { settings: Record<string, unknown>[] };
    expect(sent.settings[1]).not.toHaveProperty('value');
    await edit.waitFor({ state: 'detached' });
    await toast(page, '“Support CRM” was saved.').waitFor();
    expect(await opened()).toEqual({ api_key: SECRET });

    // Only in the Support inbox's conversations: there as a tab and in the sidebar.
    await openConversation(page, world.api.accountId, support.conversationId);
    expect(await tabNames(page, ['Support CRM'])).toEqual(['Support CRM']);
    await page.locator('iframe[title="Support CRM"]').first().waitFor();
    await openConversation(page, world.api.accountId, world.first.conversation.id);
    expect(await tabNames(page, ['Support CRM'])).toEqual([]);
    expect(await page.locator('iframe[title="Support CRM"]').count()).toBe(0);
    // Chromium logs the refused save (the bidi name) itself; nothing else went wrong.
    expect(errors).toEqual([
      'Failed to load resource: the server responded with a status of 422 (Unprocessable Entity)',
    ]);
  });

  it('switches an app off in the table: it disappears from the conversation, and comes back', async () => {
    await world.api.post('dashboard_apps', {
      title: 'Switchable',
      content: [{ type: 'frame', url: apps.url('/app?name=Switchable') }],
    });
    const { page, errors } = await newPage();
    await openConversation(page, world.api.accountId, world.first.conversation.id);
    expect(await tabNames(page, ['Switchable'])).toEqual(['Switchable']);

    await page.goto(settingsPath());
    const toggle = row(page, 'Switchable').getByRole('switch', { name: 'Show Switchable' });
    expect(await toggle.getAttribute('aria-checked')).toBe('true');
    await toggle.click();
    await toast(page, '“Switchable” is off').waitFor();
    expect(await toggle.getAttribute('aria-checked')).toBe('false');
    expect((await appNamed('Switchable')).enabled).toBe(false);
    expect(await seriousViolations(page)).toEqual([]);

    await openConversation(page, world.api.accountId, world.first.conversation.id);
    expect(await tabNames(page, ['Switchable'])).toEqual([]);

    // With the keyboard: Space on the switch turns it back on.
    await page.goto(settingsPath());
    await row(page, 'Switchable').getByRole('switch').focus();
    await page.keyboard.press('Space');
    await toast(page, '“Switchable” is on').waitFor();
    expect((await appNamed('Switchable')).enabled).toBe(true);
    expect(errors).toEqual([]);
  });

  it('reorders apps by keyboard, by mouse and from the row menu; the tabs follow', async () => {
    for (const title of ['Order A', 'Order B', 'Order C']) {
      await world.api.post('dashboard_apps', {
        title,
        content: [{ type: 'frame', url: apps.url(`/app?name=${encodeURIComponent(title)}`) }],
      });
    }
    const mine = ['Order A', 'Order B', 'Order C'];
    const { page, errors } = await newPage();
    await page.goto(settingsPath());
    await row(page, 'Order C').waitFor();
    const order = async () =>
      (await listApps()).map((a) => a.title).filter((title) => mine.includes(title));
    const rows = async () =>
      (await page.getByRole('rowheader').allTextContents())
        .map((text) => mine.find((title) => text.includes(title)))
        .filter(Boolean);
    expect(await rows()).toEqual(mine);

    // Keyboard: Space lifts C, Up twice, Space drops it first; the order is saved.
    const saved = () =>
      page.waitForResponse((r) => r.request().method() === 'PUT' && r.url().endsWith('/order'));
    let put = saved();
    await page.getByRole('button', { name: 'Move Order C' }).focus();
    await page.keyboard.press('Space');
    // The apps of the earlier tests come first; C is last.
    const total = await page.getByRole('rowheader').count();
    await page.getByText(`Picked up “Order C”, number ${total} of ${total}.`).waitFor();
    await page.keyboard.press('ArrowUp');
    await page.getByText(`“Order C” is over number ${total - 1} of ${total}.`).waitFor();
    await page.keyboard.press('ArrowUp');
    await page.getByText(`“Order C” is over number ${total - 2} of ${total}.`).waitFor();
    await page.keyboard.press('Space');
    expect((await put).status()).toBe(200);
    await toast(page, '“Order C” is number').waitFor();
    expect(await order()).toEqual(['Order C', 'Order A', 'Order B']);
    expect(await rows()).toEqual(['Order C', 'Order A', 'Order B']);
    // Focus stays on the handle that was moved, so the next move is one key away.
    expect(await page.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toBe(
      'Move Order C',
    );

    // Mouse: drag B's handle above A.
    put = saved();
    const from = (await page.getByRole('button', { name: 'Move Order B' }).boundingBox())!;
    const to = (await row(page, 'Order A').boundingBox())!;
    await page.mouse.move(from.x + from.width / 2, from.y + from.height / 2);
    await page.mouse.down();
    await page.mouse.move(from.x + from.width / 2, from.y - 10, { steps: 5 });
    await page.mouse.move(from.x + from.width / 2, to.y + 4, { steps: 10 });
    await page.mouse.up();
    expect((await put).status()).toBe(200);
    expect(await order()).toEqual(['Order C', 'Order B', 'Order A']);

    // The row menu: Move down.
    put = saved();
    await page.getByRole('button', { name: 'More actions for Order C' }).click();
    await page.getByRole('menuitem', { name: 'Move down' }).click();
    await put;
    expect(await order()).toEqual(['Order B', 'Order C', 'Order A']);
    expect(await seriousViolations(page)).toEqual([]);
    await page.screenshot({ path: `${SHOTS}settings-table-en.png`, fullPage: true });

    await openConversation(page, world.api.accountId, world.first.conversation.id);
    expect(await tabNames(page, mine)).toEqual(['Order B', 'Order C', 'Order A']);
    expect(errors).toEqual([]);
  });

  it('speaks Arabic right to left and fits a phone', async () => {
    const { page, errors } = await newPage({ locale: 'ar' });
    await page.goto(settingsPath());
    await page.getByRole('heading', { level: 1, name: 'تطبيقات لوحة المعلومات' }).waitFor();
    const line = row(page, 'إدارة العملاء');
    await line.getByText('المسؤولون فقط · صندوق Returns').waitFor();
    await line.getByRole('switch', { name: 'إظهار Support CRM' }).waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await page.screenshot({ path: `${SHOTS}settings-table-ar.png`, fullPage: true });
    await page.getByRole('button', { name: 'تعديل Support CRM' }).click();
    const edit = page.getByRole('dialog', { name: 'تعديل تطبيق لوحة المعلومات' });
    await edit.getByText('يظهر لـ: المسؤولون فقط · صندوق Returns').waitFor();
    await edit.getByText('توجد قيمة محفوظة').waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await page.screenshot({ path: `${SHOTS}settings-form-ar.png` });
    await page.keyboard.press('Escape');

    const phone = await newPage({ viewport: PHONE });
    await phone.page.goto(settingsPath());
    const card = row(phone.page, 'Support CRM');
    await card.waitFor();
    // Nothing wider than the screen: the table became cards.
    expect(
      await phone.page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth),
    ).toBe(true);
    expect(await seriousViolations(phone.page)).toEqual([]);
    await phone.page.screenshot({ path: `${SHOTS}settings-table-phone.png`, fullPage: true });
    await phone.page.getByRole('button', { name: 'Edit Support CRM' }).click();
    const form = phone.page.getByRole('dialog', { name: 'Edit dashboard app' });
    await form.waitFor();
    const box = (await form.boundingBox())!;
    expect(box.width).toBeLessThanOrEqual(PHONE.width);
    await phone.page.screenshot({ path: `${SHOTS}settings-form-phone.png` });
    expect(errors).toEqual([]);
    expect(phone.errors).toEqual([]);
  });
});
