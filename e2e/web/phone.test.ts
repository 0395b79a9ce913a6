import type { Conversation } from '../../packages/protocol/src';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser } from '../support/browser';
import { DEMO_ADMIN, startDashboard, type RunningDashboard } from '../support/dashboard';
import { ScriptApi } from './api';
import { signedInPage, watchErrors } from './support';

const PHONE = { width: 390, height: 844 };

/**
 * The conversation view on a phone (390×844, touch): one header row with a menu, the thread
 * keeps the screen, the composer grows with its text and has no keyboard hints, the contact
 * and the conversation's details open as sheets.
 */
describe('conversation view on a phone', () => {
  let dashboard: RunningDashboard;
  let browser: Browser;
  const contexts: BrowserContext[] = [];
  let conversation: Conversation;
  let page: Page;
  let errors: string[];

  const thread = () => page.getByRole('region', { name: 'Messages' });

  beforeAll(async () => {
    dashboard = await startDashboard(
      process.env.E2E_WEB_DIST ? { config: { webDist: process.env.E2E_WEB_DIST } } : {},
    );
    browser = await launchBrowser();
    const api = await ScriptApi.signIn(dashboard.url, DEMO_ADMIN);
    const inbox = await dashboard.db
      .selectFrom('inboxes')
      .select('id')
      .where('account_id', '=', dashboard.accountId)
      .orderBy('id')
      .executeTakeFirstOrThrow();
    const { payload } = await api.request<{ payload: { contact: { id: number } } }>(
      'POST',
      'contacts',
      { name: 'Rana Phone', email: 'rana.phone@example.com' },
    );
    conversation = await api.conversationWithMessages(inbox.id, payload.contact.id, 20);
    page = await signedInPage(browser, dashboard.url, DEMO_ADMIN, 'en-US', PHONE, {
      isMobile: true,
      hasTouch: true,
    });
    contexts.push(page.context());
    errors = watchErrors(page);
    await page.goto(`/app/accounts/${dashboard.accountId}/conversations/${conversation.id}`);
    await thread().getByText('Message 20', { exact: true }).waitFor();
  });

  afterAll(async () => {
    for (const context of contexts) await context.close();
    await browser?.close();
    await dashboard?.close();
  });

  it('puts the header in one row and leaves the thread at least eight lines', async () => {
    const header = await page.locator('.conversation-header').boundingBox();
    expect(header!.height).toBeLessThanOrEqual(64);
    // Agent, team, priority and snooze wait behind the menu.
    expect(await page.getByLabel('Priority').count()).toBe(0);
    expect(await page.getByRole('button', { name: 'Snooze' }).count()).toBe(0);
    await page.getByRole('button', { name: 'Resolve' }).waitFor();

    // One-line messages wholly inside the visible thread.
    const region = (await thread().boundingBox())!;
    const boxes = await thread()
      .locator('.message')
      .evaluateAll((items) => items.map((item) => item.getBoundingClientRect().toJSON()));
    const inView = boxes.filter(
      (box: DOMRect) => box.top >= region.y - 1 && box.bottom <= region.y + region.height + 1,
    );
    await page.screenshot({ path: 'test-results/screenshots/phone-conversation-en.png' });
    expect(inView.length).toBeGreaterThanOrEqual(8);
    expect(errors).toEqual([]);
  });

  it('opens the conversation’s details as a sheet, and its fields work', async () => {
    await page.getByRole('button', { name: 'More actions' }).click();
    const sheet = page.getByRole('dialog', { name: 'Conversation details' });
    await sheet.waitFor();
    await sheet.getByRole('button', { name: /^In an hour/ }).waitFor();
    await sheet.getByLabel('Priority').selectOption('high');
    await expect
      .poll(async () => {
        const row = await dashboard.db
          .selectFrom('conversations')
          .select('priority')
          .where('account_id', '=', dashboard.accountId)
          .where('display_id', '=', conversation.id)
          .executeTakeFirstOrThrow();
        return row.priority;
      })
      .toBe('high');
    // The sheet rises from the bottom edge, full width.
    const box = (await sheet.boundingBox())!;
    expect(Math.round(box.y + box.height)).toBe(PHONE.height);
    expect(Math.round(box.width)).toBe(PHONE.width);
    await page.keyboard.press('Escape');
    await sheet.waitFor({ state: 'hidden' });
    expect(errors).toEqual([]);
  });

  it('opens the contact as a sheet', async () => {
    await page.getByRole('button', { name: 'Contact details' }).click();
    const sheet = page.getByRole('dialog', { name: 'Contact details' });
    await sheet.getByText('rana.phone@example.com').waitFor();
    await sheet.getByRole('button', { name: 'Close' }).click();
    await sheet.waitFor({ state: 'hidden' });
  });

  it('grows the composer with its text; Enter is a new line, with no keyboard hint', async () => {
    expect(await page.getByText(/Enter to send/).count()).toBe(0);
    const box = page.getByRole('textbox', { name: 'Your reply' });
    const empty = (await box.boundingBox())!.height;
    await box.tap();
    await box.pressSequentially('first line');
    await box.press('Enter');
    await box.pressSequentially('second line');
    await box.press('Enter');
    await box.pressSequentially('third line');
    expect(await box.inputValue()).toBe('first line\nsecond line\nthird line');
    const grown = (await box.boundingBox())!.height;
    expect(grown).toBeGreaterThan(empty + 20);
    // Nothing was sent by Enter; the button sends.
    expect(await thread().getByText('first line').count()).toBe(0);
    await page.getByRole('button', { name: 'Send' }).click();
    await thread().locator('.message-outgoing', { hasText: 'third line' }).waitFor();
    await expect.poll(async () => (await box.boundingBox())!.height).toBeLessThan(grown);
    expect(errors).toEqual([]);
  });
});
