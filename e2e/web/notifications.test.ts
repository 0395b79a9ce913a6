import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
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
 * Mentions and notifications as two agents live them: the administrator mentions Omar in a
 * private note and Omar's bell counts it at once; an assignment raises it too; the panel opens
 * the conversation and marks it read. In English, Arabic and at phone width.
 */
describe('mentions and notifications in Chromium', () => {
  let dashboard: RunningDashboard;
  let browser: Browser;
  let api: ScriptApi;
  let omarId: number;
  const pages: Page[] = [];

  const bellCount = async (page: Page) => {
    const badge = page.getByTestId('bell-count');
    return (await badge.count()) === 0 ? 0 : Number(await badge.textContent());
  };
  const waitForCount = (page: Page, count: number) =>
    page.waitForFunction(
      (n) => Number(document.querySelector('[data-testid="bell-count"]')?.textContent ?? 0) === n,
      count,
      { timeout: 10_000 },
    );

  beforeAll(async () => {
    mkdirSync(SHOTS, { recursive: true });
    dashboard = await startDashboard();
    browser = await launchBrowser();
    api = await ScriptApi.signIn(dashboard.url, DEMO_ADMIN);
    const omar = await dashboard.db
      .selectFrom('users')
      .select('id')
      .where('email', '=', OMAR.email)
      .executeTakeFirstOrThrow();
    omarId = omar.id;
  });
  afterAll(async () => {
    for (const page of pages) await page.context().close();
    await browser?.close();
    await dashboard?.close();
  });

  it('a mention in a private note notifies the other agent live, shown as a chip', async () => {
    const { displayId } = await conversationAssignedTo(dashboard, OMAR.email);
    const omar = await signedInPage(browser, dashboard.url, OMAR);
    pages.push(omar);
    const omarErrors = watchErrors(omar);
    await omar.goto(`/app/accounts/${dashboard.accountId}/conversations`);
    await omar.getByRole('button', { name: /^Notifications/ }).waitFor();
    const before = await bellCount(omar);

    const admin = await signedInPage(browser, dashboard.url, DEMO_ADMIN);
    pages.push(admin);
    const adminErrors = watchErrors(admin);
    await admin.goto(`/app/accounts/${dashboard.accountId}/conversations/${displayId}`);
    await admin.getByRole('button', { name: 'Private note' }).click();
    const box = admin.getByRole('textbox', { name: /note/i });
    await box.click();
    await box.pressSequentially('Could you check the refund? @oma');
    const list = admin.getByRole('listbox', { name: 'Agents to mention' });
    await list.waitFor();
    await expect.poll(() => box.getAttribute('aria-activedescendant')).toMatch(/mention-0$/);
    await admin.screenshot({ path: join(SHOTS, 'mention-picker-en.png') });
    expect(await seriousViolations(admin)).toEqual([]);
    await box.press('Enter');
    await list.waitFor({ state: 'detached' });
    expect(await box.inputValue()).toBe('Could you check the refund? @Omar Haddad ');
    await box.pressSequentially('thanks');
    await box.press('Enter');

    // The note shows a chip, never the markup; the content keeps Chatwoot's markup.
    const chip = admin.locator('.message-note .mention-chip').last();
    await chip.waitFor();
    expect(await chip.textContent()).toBe('@Omar Haddad');
    expect(await admin.locator('.message-note').last().textContent()).not.toContain('mention://');
    const stored = await dashboard.db
      .selectFrom('messages')
      .select('content')
      .where('private', '=', 1)
      .orderBy('id', 'desc')
      .executeTakeFirstOrThrow();
    expect(stored.content).toBe(
      `Could you check the refund? [@Omar Haddad](mention://user/${omarId}/Omar%20Haddad) thanks`,
    );

    // Omar's bell counts it without a reload; the panel names who mentioned him.
    await waitForCount(omar, before + 1);
    await omar.getByRole('button', { name: /^Notifications/ }).click();
    const panel = omar.getByRole('dialog', { name: 'Notifications' });
    const item = panel.locator('.notification-open', {
      hasText: new RegExp(`mentioned you in conversation #${displayId}`),
    });
    await item.waitFor();
    await omar.screenshot({ path: join(SHOTS, 'notifications-panel-en.png') });
    expect(await seriousViolations(omar)).toEqual([]);
    await item.click();
    await omar.waitForURL(new RegExp(`/conversations/${displayId}$`));
    await waitForCount(omar, before);
    await omar.locator('.message-note .mention-chip').last().waitFor();
    expect(omarErrors).toEqual([]);
    expect(adminErrors).toEqual([]);
  });

  it('an assignment raises the bell count; mark all read clears it (Arabic, phone width)', async () => {
    const omar = await signedInPage(
      browser,
      dashboard.url,
      OMAR,
      'ar',
      { width: 390, height: 844 },
      {
        isMobile: true,
        hasTouch: true,
      },
    );
    pages.push(omar);
    const errors = watchErrors(omar);
    await omar.goto(`/app/accounts/${dashboard.accountId}/conversations`);
    const bell = omar.getByRole('button', { name: /^الإشعارات/ });
    await bell.waitFor();
    const before = await bellCount(omar);

    // Two conversations handed to Omar by the administrator.
    const inbox = await dashboard.db
      .selectFrom('inbox_members')
      .select('inbox_id')
      .where('user_id', '=', omarId)
      .executeTakeFirstOrThrow();
    const contact = await dashboard.db
      .selectFrom('contacts')
      .select('id')
      .where('account_id', '=', dashboard.accountId)
      .orderBy('id')
      .executeTakeFirstOrThrow();
    for (let i = 0; i < 2; i++) {
      const created = await api.request<{ id: number }>('POST', 'conversations', {
        inbox_id: inbox.inbox_id,
        contact_id: contact.id,
        message: { content: `طلب رقم ${i + 1}` },
      });
      await api.request('POST', `conversations/${created.id}/assignments`, {
        assignee_id: omarId,
      });
    }
    await waitForCount(omar, before + 2);
    await bell.click();
    const panel = omar.getByRole('dialog', { name: 'الإشعارات' });
    await panel
      .getByText(/أُسندت إليك المحادثة/)
      .first()
      .waitFor();
    // The panel stays inside the phone's width.
    const box = await panel.boundingBox();
    expect(box!.x).toBeGreaterThanOrEqual(0);
    expect(box!.x + box!.width).toBeLessThanOrEqual(390);
    await omar.screenshot({ path: join(SHOTS, 'notifications-panel-ar-390.png') });
    expect(await seriousViolations(omar)).toEqual([]);
    await panel.getByRole('button', { name: 'تعليم الكل كمقروء' }).click();
    await omar.waitForFunction(() => !document.querySelector('[data-testid="bell-count"]'));
    expect(errors).toEqual([]);
  });

  it('alert settings are saved to the profile; browser permission is asked only from the control', async () => {
    const omar = await signedInPage(browser, dashboard.url, OMAR);
    pages.push(omar);
    let asked = 0;
    await omar.exposeFunction('__permissionAsked', () => (asked += 1));
    await omar.addInitScript(() => {
      const record = (window as unknown as { __permissionAsked: () => void }).__permissionAsked;
      window.Notification.requestPermission = async () => {
        record();
        return 'granted';
      };
    });
    await omar.goto(`/app/accounts/${dashboard.accountId}/conversations`);
    await omar.getByRole('button', { name: /^Notifications/ }).click();
    expect(asked).toBe(0);
    const panel = omar.getByRole('dialog', { name: 'Notifications' });
    await panel.getByRole('checkbox', { name: 'Play a sound' }).check();
    await panel.getByRole('checkbox', { name: 'Browser notifications' }).check();
    await expect.poll(() => asked).toBe(1);
    await expect
      .poll(async () => {
        const row = await dashboard.db
          .selectFrom('users')
          .select('ui_settings')
          .where('id', '=', omarId)
          .executeTakeFirstOrThrow();
        return JSON.parse(row.ui_settings) as Record<string, unknown>;
      })
      .toMatchObject({ enable_audio_alerts: true, enable_browser_notifications: true });
    // The profile page shows the same preferences.
    await omar.goto(`/app/accounts/${dashboard.accountId}/profile/settings`);
    const section = omar.getByRole('region', { name: 'Notifications' });
    expect(await section.getByRole('checkbox', { name: 'Play a sound' }).isChecked()).toBe(true);
  });
});
