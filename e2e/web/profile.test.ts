import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser } from '../support/browser';
import { startDashboard, type RunningDashboard } from '../support/dashboard';
import { REPO_ROOT } from '../support/paths';
import { OMAR, seriousViolations, signedInPage, watchErrors } from './support';

const SHOTS = join(REPO_ROOT, 'test-results', 'screenshots');
const NEW_PASSWORD = 'Saffron-Harbour-2027!';
/** A 1×1 PNG. */
const PNG_1PX =
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==';

/**
 * The profile page as an agent uses it: display name saved, the access token shown on request
 * and reset, and a password change that signs the agent's other sessions out.
 */
describe('profile settings in Chromium', () => {
  let dashboard: RunningDashboard;
  let browser: Browser;
  const pages: Page[] = [];

  beforeAll(async () => {
    mkdirSync(SHOTS, { recursive: true });
    dashboard = await startDashboard();
    browser = await launchBrowser();
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

  const open = async (
    credentials: { email: string; password: string },
    locale = 'en-US',
    viewport = { width: 1440, height: 900 },
  ) => {
    const page = await signedInPage(browser, dashboard.url, credentials, locale, viewport);
    pages.push(page);
    return page;
  };
  const profileUrl = () => `/app/accounts/${dashboard.accountId}/profile/settings`;

  it('saves the display name and shows, then resets, the access token', async () => {
    const page = await open(OMAR);
    const errors = watchErrors(page);
    await page.goto(`/app/accounts/${dashboard.accountId}/conversations`);
    await page.getByRole('button', { name: /profile and preferences/ }).click();
    await page.getByRole('menuitem', { name: 'Profile settings' }).click();
    await page.waitForURL(/\/profile\/settings$/);
    await page.getByLabel('Display name').fill('Omar H.');
    await page.getByRole('button', { name: 'Save' }).click();
    await page.locator('.toast', { hasText: 'Profile saved' }).waitFor();
    const row = await dashboard.db
      .selectFrom('users')
      .select('display_name')
      .where('email', '=', OMAR.email)
      .executeTakeFirstOrThrow();
    expect(row.display_name).toBe('Omar H.');

    // A photo: uploaded, redrawn by the server, shown in the header at once.
    await page.locator('#profile-avatar').setInputFiles({
      name: 'me.png',
      mimeType: 'image/png',
      buffer: Buffer.from(PNG_1PX, 'base64'),
    });
    await page.getByRole('button', { name: 'Remove photo' }).waitFor();
    const src = await page.locator('.app-header img').first().getAttribute('src');
    expect(src).toMatch(/\/avatars\/\d+\/[0-9a-f-]{36}\.webp$/);
    expect((await fetch(src!)).headers.get('content-type')).toBe('image/webp');

    await page.getByRole('button', { name: 'Show token' }).click();
    const token = page.getByRole('textbox', { name: 'Access token' });
    const shown = await token.inputValue();
    expect(shown.length).toBeGreaterThan(20);
    page.once('dialog', (dialog) => void dialog.accept());
    await page.getByRole('button', { name: 'Reset token' }).click();
    await expect.poll(() => token.inputValue()).not.toBe(shown);
    // The old token no longer opens the API; the new one does.
    const asToken = (value: string) =>
      fetch(`${dashboard.url}/api/v1/profile`, { headers: { api_access_token: value } });
    expect((await asToken(shown)).status).toBe(401);
    expect((await asToken(await token.inputValue())).status).toBe(200);
    await page.screenshot({ path: join(SHOTS, 'profile-en.png'), fullPage: true });
    expect(await seriousViolations(page)).toEqual([]);
    expect(errors).toEqual([]);
  });

  it('changes the password with the current one and signs the other sessions out', async () => {
    const elsewhere = await open(OMAR);
    await elsewhere.goto(`/app/accounts/${dashboard.accountId}/conversations`);
    await elsewhere.getByRole('heading', { name: 'Conversations' }).waitFor();

    const page = await open(OMAR);
    await page.goto(profileUrl());
    await page.getByLabel('Current password').fill('not-my-password');
    await page.getByLabel('New password', { exact: true }).fill(NEW_PASSWORD);
    await page.getByLabel('New password again').fill(NEW_PASSWORD);
    await page.getByRole('button', { name: 'Change password' }).click();
    await page.locator('.field-error').first().waitFor();

    await page.getByLabel('Current password').fill(OMAR.password);
    await page.getByRole('button', { name: 'Change password' }).click();
    await page.locator('.toast', { hasText: 'Password changed' }).waitFor();
    // This session stays; the other one is signed out on its next request.
    await page.reload();
    await page.getByRole('heading', { name: 'Profile settings' }).waitFor();
    await elsewhere.reload();
    await elsewhere.waitForURL(/\/app\/login/);
    const signIn = await fetch(`${dashboard.url}/auth/sign_in`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: OMAR.email, password: NEW_PASSWORD }),
    });
    expect(signIn.status).toBe(200);
  });

  it('reads in Arabic and fits a phone', async () => {
    const page = await open({ email: OMAR.email, password: NEW_PASSWORD }, 'ar', {
      width: 390,
      height: 844,
    });
    await page.goto(profileUrl());
    await page.getByRole('heading', { name: 'إعدادات الملف الشخصي' }).waitFor();
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    expect(width).toBeLessThanOrEqual(390);
    await page.screenshot({ path: join(SHOTS, 'profile-ar-phone.png'), fullPage: true });
  });
});
