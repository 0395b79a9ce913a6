import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decryptAppSecret } from '../../apps/server/src/modules/dashboard-apps/secret';
import { launchBrowser, signInContext } from '../support/browser';
import { startDashboard, type RunningDashboard } from '../support/dashboard';
import { seriousViolations } from './axe';
import { createPeople, type SettingsWorld } from './people';

/** Console errors and page errors, less the browser's own favicon probe (the shell has none). */
function pageErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('console', (message) => {
    if (message.type() !== 'error') return;
    if (message.location().url.endsWith('/favicon.ico')) return;
    errors.push(message.text());
  });
  page.on('pageerror', (error) => errors.push(error.message));
  return errors;
}

const SECRET_KEY_BASE = 'settings-e2e-secret-key-base-'.repeat(3);

describe('Settings › Integrations › Dashboard Apps in Chromium', () => {
  let dashboard: RunningDashboard;
  let browser: Browser;
  let world: SettingsWorld;
  const contexts: BrowserContext[] = [];

  const pageUrl = () => `/app/accounts/${world.accountId}/settings/integrations/dashboard_apps`;
  const appRows = () =>
    dashboard.db
      .selectFrom('dashboard_apps')
      .selectAll()
      .where('account_id', '=', world.accountId)
      .execute();

  async function openAs(person: SettingsWorld['admin'], locale = 'en-US'): Promise<Page> {
    const context = await signInContext(browser, dashboard.url, person, locale);
    contexts.push(context);
    const page = await context.newPage();
    await page.goto(pageUrl());
    return page;
  }

  beforeAll(async () => {
    dashboard = await startDashboard({
      seed: false,
      config: {
        secretKeyBase: SECRET_KEY_BASE,
        // Another build to serve, so a check need not rebuild the dist others' tests are using.
        ...(process.env.E2E_WEB_DIST ? { webDist: process.env.E2E_WEB_DIST } : {}),
      },
    });
    world = await createPeople(dashboard.db, 'e2e');
    browser = await launchBrowser();
  });
  afterAll(async () => {
    for (const context of contexts) await context.close();
    await browser?.close();
    await dashboard?.close();
  });

  it('an admin adds, sees, edits, signs and deletes an app; a bad URL creates nothing', async () => {
    const page = await openAs(world.admin);
    const errors = pageErrors(page);
    await page.getByRole('heading', { level: 1, name: 'Dashboard Apps' }).waitFor();
    await page.getByText('No dashboard apps yet').waitFor();
    expect(await seriousViolations(page)).toEqual([]);

    // Open the form: an accessible modal dialog, focus in the Name field.
    await page.getByRole('button', { name: 'Add a new dashboard app' }).click();
    const dialog = page.getByRole('dialog', { name: 'Add a new dashboard app' });
    await dialog.waitFor();
    expect(await page.evaluate(() => document.activeElement?.getAttribute('name'))).toBe('title');

    // An invalid URL: the inline error from the shared validator, and no request is made.
    const posts: string[] = [];
    page.on('request', (request) => {
      if (request.method() === 'POST' && request.url().includes('/dashboard_apps')) {
        posts.push(request.url());
      }
    });
    await dialog.getByLabel('Name', { exact: true }).fill('Orders');
    await dialog.getByLabel('Endpoint').fill('javascript:alert(1)');
    await dialog.getByRole('button', { name: 'Create' }).click();
    const endpoint = dialog.getByLabel('Endpoint');
    await dialog.getByText('Only https:// addresses can be embedded').waitFor();
    expect(await endpoint.getAttribute('aria-invalid')).toBe('true');
    expect(await endpoint.evaluate((el) => el === document.activeElement)).toBe(true);
    await endpoint.fill('http://orders.example.com/app');
    await dialog.getByRole('button', { name: 'Create' }).click();
    await dialog.getByText('http:// is allowed only for localhost').waitFor();
    await endpoint.fill(`${dashboard.url}/app`);
    await dialog.getByRole('button', { name: 'Create' }).click();
    await dialog.getByText("must not point to this dashboard's own address").waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    expect(posts).toEqual([]);
    expect(await appRows()).toEqual([]);

    // A good URL: created, the dialog closes, the table shows it.
    await endpoint.fill('https://orders.example.com/app');
    await dialog.getByText('Iframe permissions (optional)').click();
    await dialog.getByRole('checkbox', { name: /Copy to the clipboard/ }).check();
    await dialog.getByRole('button', { name: 'Create' }).click();
    await dialog.waitFor({ state: 'detached' });
    const row = page.getByRole('row', { name: /Orders/ });
    await row.waitFor();
    expect(await row.getByRole('rowheader').textContent()).toContain(
      'https://orders.example.com/app',
    );
    const [created] = await appRows();
    expect(created).toMatchObject({ title: 'Orders' });
    expect(JSON.parse(created!.content)).toEqual([
      { type: 'frame', url: 'https://orders.example.com/app' },
    ]);
    expect(JSON.parse(created!.allow)).toEqual(['clipboard-write']);
    // Focus went back to the button that opened the form.
    expect(await page.evaluate(() => document.activeElement?.textContent?.trim())).toBe(
      'Add a new dashboard app',
    );

    // Edit: the form comes filled in; a server-side rule lands on its field.
    await page.getByRole('button', { name: 'Edit Orders' }).click();
    const edit = page.getByRole('dialog', { name: 'Edit dashboard app' });
    await edit.waitFor();
    expect(await edit.getByLabel('Name', { exact: true }).inputValue()).toBe('Orders');
    expect(await edit.getByLabel('Endpoint').inputValue()).toBe('https://orders.example.com/app');
    expect(await edit.getByRole('checkbox', { name: /Copy to the clipboard/ }).isChecked()).toBe(
      true,
    );
    await edit.getByLabel('Name', { exact: true }).fill('Order history');
    await edit.getByLabel('Endpoint').fill('https://orders.example.com/v2');
    await edit.getByRole('button', { name: 'Save' }).click();
    await edit.waitFor({ state: 'detached' });
    await page.getByRole('row', { name: /Order history/ }).waitFor();
    await page.getByText('https://orders.example.com/v2').waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    expect((await appRows())[0]).toMatchObject({ title: 'Order history' });

    // Generate a signing secret: shown once, with a copy button and the warning.
    // The secret, like delete and the order, is in the row's menu.
    await page.getByRole('button', { name: 'More actions for Order history' }).click();
    await page.getByRole('menuitem', { name: 'Generate secret' }).click();
    const secretDialog = page.getByRole('dialog', { name: 'Signing secret of Order history' });
    await secretDialog.waitFor();
    await secretDialog.getByText('It will not be shown again').waitFor();
    const secret = await secretDialog.getByLabel('Signing secret').inputValue();
    expect(await seriousViolations(page)).toEqual([]);
    expect(secret).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const stored = (await appRows())[0]!;
    expect(stored.secret_ciphertext).not.toContain(secret);
    expect(
      decryptAppSecret(
        stored.secret_ciphertext!,
        { accountId: world.accountId, appId: stored.id },
        SECRET_KEY_BASE,
      ),
    ).toBe(secret);
    await secretDialog.getByRole('button', { name: 'Copy', exact: true }).waitFor();
    await secretDialog.getByRole('button', { name: 'Done' }).click();
    await secretDialog.waitFor({ state: 'detached' });
    expect(await page.content()).not.toContain(secret);
    // Rotating asks first, then shows a different secret.
    await page.getByRole('button', { name: 'More actions for Order history' }).click();
    await page.getByRole('menuitem', { name: 'Rotate secret' }).click();
    const rotate = page.getByRole('alertdialog', { name: 'Rotate the signing secret?' });
    await rotate.getByRole('button', { name: 'Rotate secret' }).click();
    const rotated = page.getByRole('dialog', { name: 'Signing secret of Order history' });
    await rotated.waitFor();
    expect(await rotated.getByLabel('Signing secret').inputValue()).not.toBe(secret);
    await rotated.getByRole('button', { name: 'Done' }).click();

    // Delete with confirmation: Cancel keeps it, Delete removes it.
    await page.getByRole('button', { name: 'More actions for Order history' }).click();
    await page.getByRole('menuitem', { name: 'Delete' }).click();
    const confirm = page.getByRole('alertdialog', { name: 'Delete this dashboard app?' });
    await confirm.waitFor();
    await confirm.getByRole('button', { name: 'Cancel' }).click();
    await confirm.waitFor({ state: 'detached' });
    expect(await appRows()).toHaveLength(1);
    await page.getByRole('button', { name: 'More actions for Order history' }).click();
    await page.getByRole('menuitem', { name: 'Delete' }).click();
    await page
      .getByRole('alertdialog', { name: 'Delete this dashboard app?' })
      .getByRole('button', { name: 'Delete' })
      .click();
    await page.getByText('No dashboard apps yet').waitFor();
    expect(await appRows()).toEqual([]);
    expect(errors).toEqual([]);
  });

  it('Escape closes the form without saving', async () => {
    const page = await openAs(world.admin);
    await page.getByRole('button', { name: 'Add a new dashboard app' }).click();
    const dialog = page.getByRole('dialog', { name: 'Add a new dashboard app' });
    await dialog.getByLabel('Name', { exact: true }).fill('Never saved');
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });
    expect(await appRows()).toEqual([]);
  });

  it('an agent cannot reach the page', async () => {
    const page = await openAs(world.agent);
    // The settings shell refuses agents before this page renders; the page refuses them too.
    await page.getByText(/Only administrators can manage/).waitFor();
    expect(await page.getByRole('button', { name: 'Add a new dashboard app' }).count()).toBe(0);
    expect(await page.getByRole('table').count()).toBe(0);
    expect(await page.getByRole('link', { name: /Dashboard Apps/ }).count()).toBe(0);
  });

  it('speaks Arabic, right to left, with the errors translated', async () => {
    const page = await openAs(world.admin, 'ar-SA');
    await page.getByRole('heading', { level: 1, name: 'تطبيقات لوحة المعلومات' }).waitFor();
    expect(await page.evaluate(() => document.documentElement.dir)).toBe('rtl');
    await page.getByRole('button', { name: 'إضافة تطبيق لوحة معلومات جديد' }).click();
    const dialog = page.getByRole('dialog', { name: 'إضافة تطبيق لوحة معلومات جديد' });
    await dialog.getByLabel('الاسم', { exact: true }).fill('الطلبات');
    await dialog.getByLabel('نقطة النهاية').fill('file:///etc/passwd');
    await dialog.getByRole('button', { name: 'إنشاء' }).click();
    await dialog.getByText(/يمكن تضمين عناوين/).waitFor();
    // The close button sits at the inline end: on the left in Arabic.
    const title = await dialog.getByRole('heading', { level: 2 }).boundingBox();
    const close = await dialog.getByRole('button', { name: 'إغلاق' }).boundingBox();
    expect(close!.x).toBeLessThan(title!.x);
    // The URL field stays left-to-right.
    expect(
      await dialog.getByLabel('نقطة النهاية').evaluate((el) => getComputedStyle(el).direction),
    ).toBe('ltr');
    expect(await seriousViolations(page)).toEqual([]);
    expect(await appRows()).toEqual([]);
  });
});
