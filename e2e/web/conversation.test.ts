import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, signInContext } from '../support/browser';
import { DEMO_ADMIN, startDashboard, type RunningDashboard } from '../support/dashboard';
import { ScriptApi } from './api';
import { OMAR, watchErrors } from './support';

/**
 * The conversation view in depth: history paging with the reader's place kept, a failed send
 * and its retry, header actions, editing the contact in place, and catching up after the
 * realtime socket drops.
 */
describe('conversation view in Chromium', () => {
  let dashboard: RunningDashboard;
  let browser: Browser;
  let api: ScriptApi;
  let context: BrowserContext;
  let page: Page;
  let errors: string[];
  let displayId: number;
  let contactId: number;

  const thread = () => page.getByRole('region', { name: 'Messages' });
  const conversationRow = () =>
    dashboard.db
      .selectFrom('conversations')
      .selectAll()
      .where('account_id', '=', dashboard.accountId)
      .where('display_id', '=', displayId)
      .executeTakeFirstOrThrow();

  beforeAll(async () => {
    dashboard = await startDashboard(
      process.env.E2E_WEB_DIST ? { config: { webDist: process.env.E2E_WEB_DIST } } : {},
    );
    browser = await launchBrowser();
    api = await ScriptApi.signIn(dashboard.url, DEMO_ADMIN);
    // An inbox Omar belongs to, and a contact without other conversations there.
    const inbox = await dashboard.db
      .selectFrom('inbox_members')
      .innerJoin('users', 'users.id', 'inbox_members.user_id')
      .select('inbox_members.inbox_id')
      .where('users.email', '=', OMAR.email)
      .executeTakeFirstOrThrow();
    const contact = await dashboard.db
      .selectFrom('contacts')
      .select('id')
      .where('account_id', '=', dashboard.accountId)
      .orderBy('id', 'desc')
      .executeTakeFirstOrThrow();
    contactId = contact.id;
    const conversation = await api.conversationWithMessages(inbox.inbox_id, contactId, 45);
    displayId = conversation.id;
    context = await signInContext(browser, dashboard.url, DEMO_ADMIN);
    // Test hook: remember the page's WebSockets so a test can drop the realtime connection.
    await context.addInitScript(() => {
      const sockets: WebSocket[] = [];
      (window as unknown as { __sockets: WebSocket[] }).__sockets = sockets;
      const Native = window.WebSocket;
      window.WebSocket = class extends Native {
        constructor(url: string | URL, protocols?: string | string[]) {
          super(url, protocols);
          sockets.push(this);
        }
      };
    });
    page = await context.newPage();
    errors = watchErrors(page);
    await page.setViewportSize({ width: 1440, height: 900 });
    await page.goto(`/app/accounts/${dashboard.accountId}/conversations/${displayId}`);
    await thread().getByText('Message 45', { exact: true }).waitFor();
  });

  afterAll(async () => {
    await context?.close();
    await browser?.close();
    await dashboard?.close();
  });

  it('loads older messages on scrolling up and keeps the reader in place', async () => {
    // The newest page is 20 messages: the oldest are not there yet.
    expect(await thread().getByText('Message 1', { exact: true }).count()).toBe(0);
    // Message 26 is the oldest loaded: scrolled to the top, it sits at the top of the thread.
    const anchor = thread().getByText('Message 26', { exact: true });
    await thread().evaluate((el) => el.scrollTo({ top: 0 }));
    await thread().getByText('Message 6', { exact: true }).waitFor();
    // Older messages were added above it without pushing it out of view (the reader's place).
    const region = await thread().boundingBox();
    const after = await anchor.boundingBox();
    expect(region && after).toBeTruthy();
    expect(after!.y).toBeGreaterThanOrEqual(region!.y - after!.height);
    expect(after!.y).toBeLessThan(region!.y + region!.height);
    await thread().evaluate((el) => el.scrollTo({ top: 0 }));
    await thread().getByText('Message 1', { exact: true }).waitFor();
    await thread().getByText('This is the start of the conversation.').waitFor();
    expect(errors).toEqual([]);
  });

  it('shows a failed send with Retry, and sends it once on retry', async () => {
    await page.route('**/conversations/*/messages', (route) =>
      route.request().method() === 'POST' ? route.abort('failed') : route.continue(),
    );
    const text = `Will fail first ${Date.now()}`;
    const box = page.getByRole('textbox', { name: 'Your reply' });
    await box.fill(text);
    await box.press('Enter');
    const failed = thread().locator('.message.failed', { hasText: text });
    await failed.getByText('Not sent.').waitFor();
    await page.unroute('**/conversations/*/messages');
    await failed.getByRole('button', { name: 'Retry' }).click();
    await thread()
      .locator('.message-outgoing:not(.failed):not(.sending)', { hasText: text })
      .waitFor();
    expect(await thread().getByText(text).count()).toBe(1);
    const stored = await dashboard.db
      .selectFrom('messages')
      .select('id')
      .where('content', '=', text)
      .execute();
    expect(stored).toHaveLength(1);
    errors.splice(0); // the aborted request is logged by the browser
  });

  it('changes priority, assignee, team, labels and snoozes from the header', async () => {
    await page.getByLabel('Priority').selectOption('urgent');
    await expect.poll(async () => (await conversationRow()).priority).toBe('urgent');

    const omar = await dashboard.db
      .selectFrom('users')
      .select(['id', 'name'])
      .where('email', '=', OMAR.email)
      .executeTakeFirstOrThrow();
    await page.getByLabel('Agent', { exact: true }).selectOption(String(omar.id));
    await expect.poll(async () => (await conversationRow()).assignee_id).toBe(omar.id);

    const team = await dashboard.db
      .selectFrom('teams')
      .select(['id', 'name'])
      .where('account_id', '=', dashboard.accountId)
      .executeTakeFirstOrThrow();
    await page.getByLabel('Team').selectOption(String(team.id));
    await expect.poll(async () => (await conversationRow()).team_id).toBe(team.id);

    await page.getByRole('button', { name: 'Labels' }).click();
    await page.getByRole('menuitemcheckbox', { name: 'vip' }).click();
    const chip = page.locator('.chips').getByText('vip');
    await chip.waitFor();
    await page.getByRole('button', { name: 'Remove label vip' }).click();
    await chip.waitFor({ state: 'detached' });

    await page.getByRole('button', { name: 'Snooze' }).click();
    await page
      .getByRole('dialog', { name: 'Snooze until' })
      .getByRole('button', { name: /^Tomorrow, 9:00/ })
      .click();
    await page.locator('.conversation-title').getByText('Snoozed').waitFor();
    const snoozed = await conversationRow();
    expect(snoozed.status).toBe('snoozed');
    expect(Number(snoozed.snoozed_until)).toBeGreaterThan(Date.now());
    expect(errors).toEqual([]);
  });

  it('edits the contact in place', async () => {
    const panel = page.getByRole('complementary', { name: 'Contact details' });
    await panel.getByRole('button', { name: 'Edit contact' }).click();
    await panel.getByLabel('Company').fill('Bevatel Testing Co');
    await panel.getByRole('button', { name: 'Save' }).click();
    await panel.getByText('Bevatel Testing Co').waitFor();
    const row = await dashboard.db
      .selectFrom('contacts')
      .select('additional_attributes')
      .where('id', '=', contactId)
      .executeTakeFirstOrThrow();
    expect(JSON.parse(row.additional_attributes).company_name).toBe('Bevatel Testing Co');
    expect(errors).toEqual([]);
  });

  it('catches up after the realtime connection drops', async () => {
    await page.evaluate(() => {
      for (const socket of (window as unknown as { __sockets: WebSocket[] }).__sockets) {
        socket.close();
      }
    });
    await page.getByText('Reconnecting…').waitFor();
    await api.sendIncoming(displayId, 'Sent while disconnected');
    await thread().getByText('Sent while disconnected').waitFor({ timeout: 15_000 });
    await page.getByText('Reconnecting…').waitFor({ state: 'detached' });
    expect(await thread().getByText('Sent while disconnected').count()).toBe(1);
    expect(errors).toEqual([]);
  });
});
