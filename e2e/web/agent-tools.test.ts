import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Contact, Conversation } from '../../packages/protocol/src';
import { launchBrowser } from '../support/browser';
import { DEMO_ADMIN, startDashboard, type RunningDashboard } from '../support/dashboard';
import { REPO_ROOT } from '../support/paths';
import { ScriptApi } from './api';
import {
  OMAR,
  conversationAssignedTo,
  seriousViolations,
  signedInPage,
  watchErrors,
} from './support';

const SHOTS = join(REPO_ROOT, 'test-results', 'screenshots');

/**
 * The agent tools of issue 13 as agents use them: `/` in the reply box inserts a canned
 * response with its variables filled, custom attributes are edited by their type in the side
 * panel, `?` lists the keyboard shortcuts; in English, in Arabic and at phone width.
 */
describe('canned responses, custom attributes and shortcuts in Chromium', () => {
  let dashboard: RunningDashboard;
  let browser: Browser;
  let admin: ScriptApi;
  let displayId: number;
  let contactName: string;
  const pages: Page[] = [];

  beforeAll(async () => {
    mkdirSync(SHOTS, { recursive: true });
    dashboard = await startDashboard();
    browser = await launchBrowser();
    admin = await ScriptApi.signIn(dashboard.url, DEMO_ADMIN);
    ({ displayId, contactName } = await conversationAssignedTo(dashboard, OMAR.email));
    // Besides the demo's own (greeting, refund, thanks…).
    await admin.request('POST', 'canned_responses', {
      short_code: 'e2e-case',
      content: 'Case #{{conversation.id}} for {{contact.name}} ({{contact.email}})',
    });
    for (const definition of [
      {
        attribute_display_name: 'Renewal date',
        attribute_key: 'renewal',
        attribute_display_type: 'date',
        attribute_model: 'contact_attribute',
      },
      {
        attribute_display_name: 'Escalated',
        attribute_key: 'escalated',
        attribute_display_type: 'checkbox',
        attribute_model: 'conversation_attribute',
      },
      {
        attribute_display_name: 'Order number',
        attribute_key: 'order_number',
        attribute_display_type: 'number',
        attribute_model: 'conversation_attribute',
      },
    ]) {
      await admin.request('POST', 'custom_attribute_definitions', definition);
    }
  });

  afterAll(async () => {
    for (const page of pages) await page.context().close();
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

  it('/ lists matching canned responses and inserts one with its variables filled', async () => {
    const page = await open(OMAR);
    const errors = watchErrors(page);
    await page.goto(`/app/accounts/${dashboard.accountId}/conversations/${displayId}`);
    const box = page.getByRole('textbox', { name: 'Your reply' });
    await box.click();
    await box.pressSequentially('/greet');
    const list = page.getByRole('listbox', { name: 'Canned responses' });
    await list.waitFor();
    const options = list.getByRole('option');
    await expect.poll(() => options.count()).toBe(1);
    expect(await options.first().getAttribute('aria-selected')).toBe('true');
    expect(await box.getAttribute('aria-activedescendant')).toBe(
      await options.first().getAttribute('id'),
    );
    expect(await seriousViolations(page)).toEqual([]);
    await page.screenshot({ path: join(SHOTS, 'canned-menu-en.png') });
    await box.press('Enter');
    await list.waitFor({ state: 'detached' });
    const first = contactName.split(' ')[0];
    expect(await box.inputValue()).toBe(
      `Hi ${first}, this is Omar Haddad. How can I help you today?`,
    );

    // After other text, with Tab; the conversation's number and the contact's email filled.
    await box.pressSequentially(' /e2e');
    await expect.poll(() => options.count()).toBe(1);
    await box.press('Tab');
    const conversation = await admin.request<Conversation>('GET', `conversations/${displayId}`);
    expect(await box.inputValue()).toBe(
      `Hi ${first}, this is Omar Haddad. How can I help you today? Case #${displayId} for ${contactName} (${conversation.meta.sender.email})`,
    );

    // Esc closes the list and the text stays; arrows move through several matches.
    await box.fill('');
    await box.pressSequentially('/');
    await expect.poll(() => options.count()).toBeGreaterThan(2);
    await box.press('ArrowDown');
    expect(await options.nth(1).getAttribute('aria-selected')).toBe('true');
    await box.press('Escape');
    await list.waitFor({ state: 'detached' });
    expect(await box.inputValue()).toBe('/');
    expect(errors).toEqual([]);
  });

  it('edits custom attributes by their type in the side panel, validated by the server', async () => {
    const page = await open(OMAR);
    const errors = watchErrors(page);
    await page.goto(`/app/accounts/${dashboard.accountId}/conversations/${displayId}`);
    const panel = page.getByRole('complementary', { name: /contact/i });
    const contactSection = panel.getByRole('region', { name: 'Contact attributes' });
    await contactSection.getByRole('button', { name: 'Edit Plan' }).click();
    await contactSection.getByRole('combobox', { name: 'Plan' }).selectOption('starter');
    await contactSection.getByRole('button', { name: 'Save' }).click();
    await contactSection.getByText('starter').waitFor();

    await contactSection.getByRole('button', { name: 'Edit Renewal date' }).click();
    await contactSection.getByLabel('Renewal date').fill('2026-12-31');
    await contactSection.getByRole('button', { name: 'Save' }).click();
    await contactSection.getByText('Dec 31, 2026').waitFor();

    const conversationSection = panel.getByRole('region', { name: 'Conversation attributes' });
    await conversationSection.getByRole('checkbox', { name: 'Escalated' }).check();
    await conversationSection.getByRole('button', { name: 'Edit Order number' }).click();
    await conversationSection.getByLabel('Order number').fill('58213');
    await conversationSection.getByRole('button', { name: 'Save' }).click();
    await conversationSection.getByText('58,213').waitFor();
    await page.screenshot({ path: join(SHOTS, 'custom-attributes-panel-en.png') });

    const conversation = await admin.request<Conversation>('GET', `conversations/${displayId}`);
    expect(conversation.custom_attributes).toMatchObject({ escalated: true, order_number: 58213 });
    const contact = await admin.request<{ payload: Contact }>(
      'GET',
      `contacts/${conversation.meta.sender.id}`,
    );
    expect(contact.payload.custom_attributes).toMatchObject({
      plan: 'starter',
      renewal: '2026-12-31',
    });
    expect(await seriousViolations(page)).toEqual([]);
    expect(errors).toEqual([]);
  });

  it('? opens the keyboard shortcuts sheet; keys do nothing while typing', async () => {
    const page = await open(OMAR);
    await page.goto(`/app/accounts/${dashboard.accountId}/conversations/${displayId}`);
    const box = page.getByRole('textbox', { name: 'Your reply' });
    await box.fill('');
    await box.pressSequentially('a?e');
    expect(await box.inputValue()).toBe('a?e');
    await page
      .getByRole('dialog')
      .waitFor({ state: 'detached', timeout: 500 })
      .catch(() => {});
    expect(await page.getByRole('dialog', { name: 'Keyboard shortcuts' }).count()).toBe(0);
    await box.fill('');
    await box.blur();
    await page.keyboard.press('r');
    await expect.poll(() => page.evaluate(() => document.activeElement?.tagName)).toBe('TEXTAREA');
    expect(await box.inputValue()).toBe('');
    await box.blur();
    await page.keyboard.press('Shift+?');
    const sheet = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
    await sheet.waitFor();
    await sheet.getByText('Resolve the conversation').waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await page.screenshot({ path: join(SHOTS, 'shortcuts-en.png') });
    await page.keyboard.press('Escape');
    await sheet.waitFor({ state: 'hidden' });

    // j opens the next conversation of the list; e resolves it, as the Resolve button does.
    await page.keyboard.press('j');
    await page.waitForURL((url) => !url.pathname.endsWith(`/conversations/${displayId}`));
    const next = Number(page.url().split('/').pop());
    const nextConversation = await admin.request<Conversation>('GET', `conversations/${next}`);
    // Its header (whose Resolve the shortcut presses) is on screen.
    await expect
      .poll(() => page.locator('#conversation-title').textContent())
      .toContain(nextConversation.meta.sender.name ?? '');
    await page.getByRole('button', { name: 'Resolve' }).waitFor();
    await page.keyboard.press('e');
    await expect
      .poll(async () => (await admin.request<Conversation>('GET', `conversations/${next}`)).status)
      .toBe('resolved');
    await page.keyboard.press('k');
    await page.waitForURL((url) => url.pathname.endsWith(`/conversations/${displayId}`));
  });

  it('Arabic and phone width: the menu, the panel, the settings pages and the sheet', async () => {
    const ar = await open(OMAR, 'ar');
    await ar.goto(`/app/accounts/${dashboard.accountId}/conversations/${displayId}`);
    const box = ar.getByRole('textbox', { name: 'ردّك' }).or(ar.locator('.reply-box textarea'));
    await box.first().click();
    await box.first().pressSequentially('/ref');
    await ar.getByRole('listbox', { name: 'الردود الجاهزة' }).waitFor();
    await ar.screenshot({ path: join(SHOTS, 'canned-menu-ar.png') });
    await box.first().press('Escape');
    await box.first().fill('');
    await box.first().blur();
    await ar.keyboard.press('Shift+?');
    await ar.getByRole('dialog', { name: 'اختصارات لوحة المفاتيح' }).waitFor();
    await ar.screenshot({ path: join(SHOTS, 'shortcuts-ar.png') });
    await ar.keyboard.press('Escape');
    await ar.getByRole('region', { name: 'سمات جهة الاتصال' }).waitFor();
    await ar.screenshot({ path: join(SHOTS, 'custom-attributes-panel-ar.png'), fullPage: true });

    for (const [locale, suffix] of [
      ['en-US', 'en'],
      ['ar', 'ar'],
    ] as const) {
      const page = await open(DEMO_ADMIN, locale);
      await page.goto(`/app/accounts/${dashboard.accountId}/settings/canned-response/list`);
      await page.getByText('/thanks').waitFor();
      expect(await seriousViolations(page)).toEqual([]);
      await page.screenshot({ path: join(SHOTS, `settings-canned-${suffix}.png`) });
      await page.goto(`/app/accounts/${dashboard.accountId}/settings/custom-attributes/list`);
      await page.getByText('Renewal date').waitFor();
      expect(await seriousViolations(page)).toEqual([]);
      await page.screenshot({ path: join(SHOTS, `settings-attributes-${suffix}.png`) });
    }

    const phone = await open(OMAR, 'en-US', { width: 390, height: 844 });
    await phone.goto(`/app/accounts/${dashboard.accountId}/conversations/${displayId}`);
    const phoneBox = phone.getByRole('textbox', { name: 'Your reply' });
    await phoneBox.click();
    await phoneBox.pressSequentially('/');
    await phone.getByRole('listbox', { name: 'Canned responses' }).waitFor();
    const width = await phone.evaluate(() => document.documentElement.scrollWidth);
    expect(width).toBeLessThanOrEqual(390);
    await phone.screenshot({ path: join(SHOTS, 'canned-menu-390.png') });

    const admin390 = await open(DEMO_ADMIN, 'ar', { width: 390, height: 844 });
    await admin390.goto(`/app/accounts/${dashboard.accountId}/settings/custom-attributes/list`);
    await admin390.getByText('Renewal date').waitFor();
    await admin390.screenshot({ path: join(SHOTS, 'settings-attributes-ar-390.png') });
    expect(await admin390.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
      390,
    );
  });
});
