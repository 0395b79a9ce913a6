import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { linkIn, startLocalSmtp, type LocalSmtp } from '../../apps/server/src/test/smtp';
import { launchBrowser, signInContext } from '../support/browser';
import { DEMO_ADMIN, startDashboard, type RunningDashboard } from '../support/dashboard';
import { REPO_ROOT } from '../support/paths';
import { DEMO_PASSWORD, newContext, watchErrors } from './support';

const SHOTS = join(REPO_ROOT, 'test-results', 'screenshots');
const SARAH = { email: 'sarah@bevatel.test', password: DEMO_PASSWORD };

/**
 * One-time links end to end, with e-mail: the dashboard runs with SMTP_URL pointing at a real
 * SMTP server started here, so links are both shown to the administrator (with Copy) and
 * mailed. Invitation and password reset, each followed once, then reused and expired.
 */
describe('invitation and password reset links in Chromium', () => {
  let dashboard: RunningDashboard;
  let smtp: LocalSmtp;
  let browser: Browser;
  const contexts: BrowserContext[] = [];

  const context = async (locale = 'en-US', width = 1440) => {
    const created = await browser.newContext({
      baseURL: dashboard.url,
      locale,
      viewport: { width, height: width < 500 ? 844 : 900 },
    });
    contexts.push(created);
    return created;
  };
  const adminPage = async () => {
    const admin = await signInContext(browser, dashboard.url, DEMO_ADMIN);
    contexts.push(admin);
    await admin.grantPermissions(['clipboard-read', 'clipboard-write'], {
      origin: dashboard.url,
    });
    const page = await admin.newPage();
    await page.setViewportSize({ width: 1440, height: 900 });
    await page.goto(`/app/accounts/${dashboard.accountId}/settings/agents`);
    return page;
  };
  const copiedLink = async (page: Page) => {
    await page.getByRole('button', { name: 'Copy' }).click();
    await page.getByRole('button', { name: 'Copied' }).waitFor();
    return page.evaluate(() => navigator.clipboard.readText());
  };
  const expire = (table: 'invitations' | 'password_resets', url: string) =>
    dashboard.db
      .updateTable(table)
      .set({ expires_at: Date.now() - 1000 })
      .where('status', '=', 'pending')
      .execute()
      .then(() => url);

  beforeAll(async () => {
    mkdirSync(SHOTS, { recursive: true });
    smtp = await startLocalSmtp();
    dashboard = await startDashboard({
      config: { smtp: { url: smtp.url, from: 'Bevatel <no-reply@bevatel.test>' } },
    });
    browser = await launchBrowser();
  });
  afterAll(async () => {
    for (const created of contexts) await created.close();
    await browser?.close();
    await dashboard?.close();
    await smtp?.close();
  });

  it('an invitation: link shown with Copy and e-mailed; followed once; reused and expired refused', async () => {
    const page = await adminPage();
    await page.getByRole('button', { name: 'Add agent' }).click();
    await page.getByLabel('Name').fill('Rania Newcomer');
    await page.getByLabel('Email').fill('rania@bevatel.test');
    await page.getByRole('button', { name: 'Save' }).click();
    await page.getByText('The link was e-mailed to them too.').waitFor();
    const shown = await copiedLink(page);
    expect(shown).toMatch(/\/app\/invitations\/[\w-]{43}$/);
    await page.screenshot({ path: join(SHOTS, 'one-time-invitation-sent-en.png') });

    // The invitee follows the link from the mail they received.
    const mail = await smtp.waitFor('rania@bevatel.test');
    const link = linkIn(mail, `${dashboard.url}/app/invitations/`);
    expect(link).toBe(shown);
    const invitee = await (await context()).newPage();
    const errors = watchErrors(invitee);
    await invitee.goto(link);
    await invitee.getByRole('heading', { name: 'Join Bevatel Demo' }).waitFor();
    await invitee.getByLabel('Choose a password').fill('saffron tea at noon');
    await invitee.getByLabel('Repeat the password').fill('saffron tea at noon');
    await invitee.getByRole('button', { name: 'Join' }).click();
    await invitee.waitForURL(/\/app\/accounts\/\d+\/conversations/);
    expect(errors).toEqual([]);

    // Reused: the link worked once.
    const reuse = await (await context()).newPage();
    await reuse.goto(link);
    await reuse.getByRole('heading', { name: 'This link no longer works' }).waitFor();

    // Expired: a new invitation whose lifetime is over, in Arabic at phone width.
    await page.getByRole('button', { name: 'Dismiss' }).click();
    await page.getByRole('button', { name: 'Add agent' }).click();
    await page.getByLabel('Name').fill('Late Comer');
    await page.getByLabel('Email').fill('late@bevatel.test');
    await page.getByRole('button', { name: 'Save' }).click();
    const late = await expire('invitations', await copiedLink(page));
    const expired = await (await context('ar', 390)).newPage();
    await expired.goto(late);
    await expired.getByRole('heading', { name: 'لم يعد هذا الرابط صالحًا' }).waitFor();
    await expired.screenshot({ path: join(SHOTS, 'one-time-invitation-expired-ar-390.png') });
  });

  it('an admin-issued reset: link shown and e-mailed, ends the old sessions; reused and expired refused', async () => {
    const sarah = await signInContext(browser, dashboard.url, SARAH);
    contexts.push(sarah);
    expect((await sarah.request.get('/api/v1/profile')).status()).toBe(200);

    const page = await adminPage();
    await page.getByRole('button', { name: /Reset password for .Sarah/ }).click();
    await page.getByText(/Password reset link for .Sarah/).waitFor();
    await page.getByText('The link was e-mailed to them too.').waitFor();
    const shown = await copiedLink(page);
    expect(shown).toMatch(/\/app\/reset-password\/[\w-]{43}$/);
    await page.screenshot({ path: join(SHOTS, 'one-time-reset-issued-en.png') });
    const mail = await smtp.waitFor(SARAH.email);
    expect(linkIn(mail, `${dashboard.url}/app/reset-password/`)).toBe(shown);

    const guest = await (await context()).newPage();
    const errors = watchErrors(guest);
    await guest.goto(shown);
    await guest.getByRole('heading', { name: 'Choose a new password' }).waitFor();
    await guest.getByText(SARAH.email).waitFor();
    await guest.getByLabel('New password', { exact: true }).fill('pomegranates in the souq');
    await guest.getByLabel('Repeat the password').fill('pomegranates in the souq');
    await guest.getByRole('button', { name: 'Set the password' }).click();
    await guest.waitForURL(/\/app\/accounts\/\d+\/conversations/);
    expect(errors).toEqual([]);
    // Sarah's earlier session ended with the reset; the new password signs in.
    expect((await sarah.request.get('/api/v1/profile')).status()).toBe(401);
    const again = await signInContext(browser, dashboard.url, {
      email: SARAH.email,
      password: 'pomegranates in the souq',
    });
    contexts.push(again);

    const reuse = await (await context()).newPage();
    await reuse.goto(shown);
    await reuse.getByRole('heading', { name: 'This link no longer works' }).waitFor();
    await reuse.screenshot({ path: join(SHOTS, 'one-time-reset-reused-en.png') });

    await page.getByRole('button', { name: 'Dismiss' }).click();
    await page.getByRole('button', { name: /Reset password for .Sarah/ }).click();
    await page.getByText(/Password reset link for .Sarah/).waitFor();
    const late = await expire('password_resets', await copiedLink(page));
    const expired = await (await context('ar', 390)).newPage();
    await expired.goto(late);
    await expired.getByRole('heading', { name: 'لم يعد هذا الرابط صالحًا' }).waitFor();
    await expired.getByRole('link', { name: 'طلب رابط جديد' }).waitFor();
    await expired.screenshot({ path: join(SHOTS, 'one-time-reset-expired-ar-390.png') });
  });

  it('forgot password on the sign-in page: the mail’s link sets a new password', async () => {
    const page = await (await context()).newPage();
    const errors = watchErrors(page);
    await page.goto('/app/login');
    await page.getByRole('link', { name: 'Forgot password?' }).click();
    await page.getByRole('heading', { name: 'Reset your password' }).waitFor();
    await page.getByLabel('Email').fill('omar@bevatel.test');
    await page.getByRole('button', { name: 'Send the link' }).click();
    await page.getByText(/If .omar@bevatel\.test. has an account/).waitFor();
    await page.screenshot({ path: join(SHOTS, 'one-time-forgot-sent-en.png') });

    const link = linkIn(
      await smtp.waitFor('omar@bevatel.test'),
      `${dashboard.url}/app/reset-password/`,
    );
    await page.goto(link);
    await page.getByLabel('New password', { exact: true }).fill('password1234');
    await page.getByLabel('Repeat the password').fill('password1234');
    await page.getByRole('button', { name: 'Set the password' }).click();
    await page.getByText('one of the most common').waitFor();
    await page.getByLabel('New password', { exact: true }).fill('dates and cardamom coffee');
    await page.getByLabel('Repeat the password').fill('dates and cardamom coffee');
    await page.getByRole('button', { name: 'Set the password' }).click();
    await page.waitForURL(/\/app\/accounts\/\d+\/conversations/);
    expect(errors.filter((e) => !/status of 422/.test(e))).toEqual([]);
    const reused = await (await context()).newPage();
    await reused.goto(link);
    await reused.getByRole('heading', { name: 'This link no longer works' }).waitFor();
  });

  it('in Arabic at phone width: sign-in, forgot password and the reset page', async () => {
    const page = await (await context('ar', 390)).newPage();
    const errors = watchErrors(page);
    await page.goto('/app/login');
    await page.getByRole('link', { name: 'نسيت كلمة المرور؟' }).waitFor();
    await page.screenshot({ path: join(SHOTS, 'one-time-sign-in-ar-390.png') });
    await page.getByRole('link', { name: 'نسيت كلمة المرور؟' }).click();
    await page.getByRole('heading', { name: 'إعادة تعيين كلمة المرور' }).waitFor();
    await page.screenshot({ path: join(SHOTS, 'one-time-forgot-ar-390.png') });
    // Only the mail this request sends counts (Sarah got others above).
    await dashboard.app.mailer.idle();
    smtp.received.length = 0;
    await page.getByLabel('البريد الإلكتروني').fill('sarah@bevatel.test');
    await page.getByRole('button', { name: 'إرسال الرابط' }).click();
    await page.getByText(/في طريقه إليه/).waitFor();
    await page.screenshot({ path: join(SHOTS, 'one-time-forgot-sent-ar-390.png') });
    const link = linkIn(await smtp.waitFor(SARAH.email), `${dashboard.url}/app/reset-password/`);
    await page.goto(link);
    await page.getByRole('heading', { name: 'اختر كلمة مرور جديدة' }).waitFor();
    await page.screenshot({ path: join(SHOTS, 'one-time-reset-ar-390.png') });
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    expect(width).toBeLessThanOrEqual(390);
    expect(errors).toEqual([]);

    const english = await (await context('en-US', 390)).newPage();
    await english.goto(link);
    await english.getByRole('heading', { name: 'Choose a new password' }).waitFor();
    await english.screenshot({ path: join(SHOTS, 'one-time-reset-en-390.png') });
  });

  it('the administrator’s reset link in Arabic at phone width', async () => {
    const admin = await signInContext(browser, dashboard.url, DEMO_ADMIN, 'ar');
    contexts.push(admin);
    const page = await admin.newPage();
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto(`/app/accounts/${dashboard.accountId}/settings/agents`);
    await page.getByRole('button', { name: /إعادة تعيين كلمة المرور: .Omar/ }).waitFor();
    await page.getByRole('button', { name: /إعادة تعيين كلمة المرور: .Omar/ }).click();
    const notice = page.getByText(/رابط إعادة تعيين كلمة المرور لـ .Omar Haddad/);
    await notice.waitFor();
    await page.screenshot({ path: join(SHOTS, 'one-time-reset-issued-ar-390.png') });
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    expect(width).toBeLessThanOrEqual(390);
  });

  it('without SMTP the forgot page says whom to ask', async () => {
    const plain = await startDashboard();
    try {
      const guest = await newContext(browser, plain.url);
      contexts.push(guest);
      const page = await guest.newPage();
      await page.goto('/app/forgot-password');
      await page.getByLabel('Email').fill('omar@bevatel.test');
      await page.getByRole('button', { name: 'Send the link' }).click();
      await page.getByText(/Ask an administrator of your account for a reset link/).waitFor();
      await page.screenshot({ path: join(SHOTS, 'one-time-forgot-no-smtp-en.png') });
    } finally {
      await plain.close();
    }
  });
});
