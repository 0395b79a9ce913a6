import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_ADMIN, startDashboard, type RunningDashboard } from '../support/dashboard';
import { launchBrowser, signInContext } from '../support/browser';
import {
  OMAR,
  conversationAssignedTo,
  newContext,
  seriousViolations,
  signInThroughForm,
  watchErrors,
} from './support';

/**
 * The agent dashboard in Chromium against the real server on a fresh seeded database: sign-in,
 * the conversation list and view, replies and notes seen live by another agent, status changes,
 * Arabic, and accessibility scans. One server and one browser for the whole file.
 */
describe('agent dashboard in Chromium', () => {
  let dashboard: RunningDashboard;
  let browser: Browser;
  let admin: BrowserContext;
  let page: Page;
  let errors: string[];
  let target: { displayId: number; contactName: string };
  const contexts: BrowserContext[] = [];

  const conversationUrl = () =>
    `/app/accounts/${dashboard.accountId}/conversations/${target.displayId}`;
  const thread = (p: Page) => p.getByRole('region', { name: 'Messages' });

  beforeAll(async () => {
    dashboard = await startDashboard({
      // A build of one's own (E2E_WEB_DIST) keeps iterating from emptying the shared dist/.
      ...(process.env.E2E_WEB_DIST ? { config: { webDist: process.env.E2E_WEB_DIST } } : {}),
    });
    browser = await launchBrowser();
    target = await conversationAssignedTo(dashboard, OMAR.email);
    admin = await newContext(browser, dashboard.url);
    contexts.push(admin);
    page = await admin.newPage();
    errors = watchErrors(page);
  });

  afterAll(async () => {
    for (const context of contexts) await context.close();
    await browser?.close();
    await dashboard?.close();
  });

  it('signs in through the form, shows inline errors, and keeps the session on reload', async () => {
    await page.goto('/app');
    await page.waitForURL(/\/app\/login/);
    expect(await seriousViolations(page)).toEqual([]);

    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByText('Enter your email address.').waitFor();
    await page.getByLabel('Email').fill(DEMO_ADMIN.email);
    await page.getByLabel('Password').fill('wrong password');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('alert').getByText('The email or password is not correct.').waitFor();
    errors.splice(0); // the refused sign-in is logged by the browser as a 401

    await signInThroughForm(page, DEMO_ADMIN.email, DEMO_ADMIN.password);
    await page.getByRole('heading', { level: 1, name: 'Conversations' }).waitFor();
    await page.reload();
    await page.getByRole('heading', { level: 1, name: 'Conversations' }).waitFor();
    expect(page.url()).toMatch(/\/conversations$/);
    expect(errors).toEqual([]);
  });

  it('lists conversations in tabs with counts and opens one from the list', async () => {
    const tabs = page.getByRole('tablist', { name: 'Conversations by assignee' });
    await tabs.getByRole('tab', { name: /Mine/ }).waitFor();
    await tabs.getByRole('tab', { name: /All/ }).click();
    expect(await tabs.getByRole('tab', { name: /All/ }).getAttribute('aria-selected')).toBe('true');
    const list = page.getByRole('list', { name: 'Conversation list' });
    await list.getByRole('listitem').first().waitFor();
    expect(await seriousViolations(page)).toEqual([]);

    const row = list.getByRole('link', { name: new RegExp(`#${target.displayId}\\b`) });
    await row.scrollIntoViewIfNeeded();
    await row.click();
    await page.waitForURL(new RegExp(`/conversations/${target.displayId}$`));
    await page
      .locator('.conversation-header')
      .getByRole('heading', { level: 2, name: target.contactName })
      .waitFor();
    await thread(page).getByRole('listitem').first().waitFor();
    await page.getByRole('complementary', { name: 'Contact details' }).waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    expect(errors).toEqual([]);
  });

  it('sends a reply and a private note that another agent sees without reloading', async () => {
    const omar = await signInContext(browser, dashboard.url, OMAR);
    contexts.push(omar);
    const omarPage = await omar.newPage();
    const omarErrors = watchErrors(omarPage);
    await omarPage.goto(conversationUrl());
    await thread(omarPage).getByRole('listitem').first().waitFor();

    const reply = `Reply from the admin ${Date.now()}`;
    const box = page.getByRole('textbox', { name: 'Your reply' });
    await box.fill(reply);
    await box.press('Enter');
    await thread(page).getByText(reply).waitFor();
    await thread(omarPage).getByText(reply).waitFor({ timeout: 10_000 });

    await page.getByRole('button', { name: 'Private note' }).click();
    const note = `Internal note ${Date.now()}`;
    const noteBox = page.getByRole('textbox', { name: 'Your private note' });
    await noteBox.fill(`${note}\nsecond line`);
    expect(await noteBox.inputValue()).toContain('\n');
    await noteBox.press('Shift+Enter');
    await noteBox.press('Enter');
    await thread(page).getByText(note).waitFor();
    const noteBubble = thread(omarPage).locator('.message-note', { hasText: note });
    await noteBubble.waitFor({ timeout: 10_000 });
    expect(await noteBubble.getByText('Private note').count()).toBe(1);

    // Each message once, for both agents: the realtime echo did not add a second copy.
    expect(await thread(page).getByText(reply).count()).toBe(1);
    expect(await thread(omarPage).getByText(reply).count()).toBe(1);
    expect(omarErrors).toEqual([]);
    expect(errors).toEqual([]);
  });

  it('resolves and reopens the conversation', async () => {
    await page.getByRole('button', { name: 'Resolve' }).click();
    await page.getByRole('button', { name: 'Reopen' }).waitFor();
    await page.locator('.conversation-title').getByText('Resolved').waitFor();
    await page.getByRole('button', { name: 'Reopen' }).click();
    await page.getByRole('button', { name: 'Resolve' }).waitFor();
    await page.locator('.conversation-title').getByText('Open').waitFor();
    const status = await dashboard.db
      .selectFrom('conversations')
      .select('status')
      .where('account_id', '=', dashboard.accountId)
      .where('display_id', '=', target.displayId)
      .executeTakeFirstOrThrow();
    expect(status.status).toBe('open');
    expect(errors).toEqual([]);
  });

  it('switches to Arabic: right to left, Arabic labels, saved to the profile', async () => {
    await page.getByRole('button', { name: /profile and preferences/ }).click();
    await page.getByRole('menuitemradio', { name: 'العربية' }).click();
    await page.waitForFunction(() => document.documentElement.dir === 'rtl');
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('ar');
    await page.getByRole('heading', { level: 1, name: 'المحادثات' }).waitFor();
    await page.getByRole('button', { name: 'حلّ' }).waitFor();
    await page.getByRole('tab', { name: /الكل/ }).waitFor();
    expect(await seriousViolations(page)).toEqual([]);

    // Saved: a reload comes back in Arabic.
    await page.reload();
    await page.getByRole('heading', { level: 1, name: 'المحادثات' }).waitFor();
    expect(await page.evaluate(() => document.documentElement.dir)).toBe('rtl');

    await page.getByRole('button', { name: /الملف الشخصي والتفضيلات/ }).click();
    await page.getByRole('menuitemradio', { name: 'English' }).click();
    await page.waitForFunction(() => document.documentElement.dir === 'ltr');
    await page.getByRole('heading', { level: 1, name: 'Conversations' }).waitFor();
    expect(errors).toEqual([]);
  });

  it('has no serious accessibility violations on contacts and settings, in both themes', async () => {
    await page
      .getByRole('navigation', { name: 'Main' })
      .getByRole('link', { name: 'Contacts' })
      .click();
    await page.getByRole('heading', { level: 1, name: 'Contacts' }).waitFor();
    await page.getByRole('table').getByRole('link').first().waitFor();
    expect(await seriousViolations(page)).toEqual([]);

    await page.getByRole('table').getByRole('link').first().click();
    await page.getByRole('heading', { level: 1 }).waitFor();
    await page.getByRole('heading', { name: 'Previous conversations' }).waitFor();
    expect(await seriousViolations(page)).toEqual([]);

    await page
      .getByRole('navigation', { name: 'Main' })
      .getByRole('link', { name: 'Settings' })
      .click();
    await page.getByRole('heading', { level: 1, name: 'Agents' }).waitFor();
    await page.getByRole('table').waitFor();
    expect(await seriousViolations(page)).toEqual([]);

    await page.getByRole('link', { name: 'Integrations' }).click();
    await page.getByRole('heading', { name: 'Dashboard Apps' }).waitFor();
    expect(await seriousViolations(page)).toEqual([]);

    await page.getByRole('button', { name: /profile and preferences/ }).click();
    await page.getByRole('menuitemradio', { name: 'Dark' }).click();
    await page.waitForFunction(() => document.documentElement.dataset.theme === 'dark');
    await page.goto(conversationUrl());
    await thread(page).getByRole('listitem').first().waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await page.getByRole('button', { name: /profile and preferences/ }).click();
    await page.getByRole('menuitemradio', { name: 'Light' }).click();
    expect(errors).toEqual([]);
  });

  it('lets an administrator add, edit and delete a label in settings', async () => {
    await page.goto(`/app/accounts/${dashboard.accountId}/settings/labels`);
    await page.getByRole('heading', { level: 1, name: 'Labels' }).waitFor();
    await page.getByRole('button', { name: 'Add label' }).click();
    const form = page.getByRole('form', { name: 'Add label' });
    await form.getByLabel('Title').waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await form.getByLabel('Title').fill('e2e-label');
    await form.getByLabel('Description').fill('Made by the browser test');
    await form.getByRole('button', { name: 'Save' }).click();
    const row = page.getByRole('row', { name: /e2e-label/ });
    await row.getByText('Made by the browser test').waitFor();

    await row.getByRole('button', { name: 'Edit e2e-label' }).click();
    const edit = page.getByRole('form', { name: 'Edit e2e-label' });
    await edit.getByLabel('Description').fill('Edited');
    await edit.getByRole('button', { name: 'Save' }).click();
    await row.getByText('Edited').waitFor();

    await row.getByRole('button', { name: 'Delete e2e-label' }).click();
    await row.getByRole('button', { name: 'Delete e2e-label for good' }).click();
    await row.waitFor({ state: 'detached' });
    expect(errors).toEqual([]);
  });

  it('shows agents no settings they cannot use', async () => {
    const omar = await signInContext(browser, dashboard.url, OMAR);
    contexts.push(omar);
    const omarPage = await omar.newPage();
    await omarPage.goto(`/app/accounts/${dashboard.accountId}/conversations`);
    const nav = omarPage.getByRole('navigation', { name: 'Main' });
    await nav.getByRole('link', { name: 'Contacts' }).waitFor();
    expect(await nav.getByRole('link', { name: 'Settings' }).count()).toBe(0);
  });

  it('signs out from the user menu', async () => {
    await page.getByRole('button', { name: /profile and preferences/ }).click();
    await page.getByRole('menuitem', { name: 'Sign out' }).click();
    await page.waitForURL(/\/app\/login/);
    await page.goto(`/app/accounts/${dashboard.accountId}/conversations`);
    await page.waitForURL(/\/app\/login/);
  });
});
