import type { Conversation } from '../../packages/protocol/src';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser } from '../support/browser';
import { DEMO_ADMIN, startDashboard, type RunningDashboard } from '../support/dashboard';
import { ScriptApi } from './api';
import { signedInPage, watchErrors } from './support';

const LONG_EMAIL = 'rana.alqahtani.accounts-payable@customer-care.example-company.com';

/**
 * What a sighted person sees after acting: a visible toast (not only screen-reader text) for an
 * app created, edited or deleted, a conversation resolved (with Undo) and a label added; the
 * way back from Dashboard Apps to Integrations; a long e-mail address wrapping at its dots, hyphens
 * and "@", never inside a word.
 */
describe('feedback a sighted person sees', () => {
  let dashboard: RunningDashboard;
  let browser: Browser;
  let page: Page;
  let errors: string[];
  let conversation: Conversation;

  /** The visible toast saying `text`: on screen, with a real size. */
  const visibleToast = async (text: string | RegExp) => {
    const toast = page.locator('.toast', { hasText: text });
    await toast.waitFor();
    const box = (await toast.boundingBox())!;
    expect(box.width).toBeGreaterThan(150);
    expect(box.height).toBeGreaterThan(24);
    expect(box.y + box.height).toBeLessThanOrEqual(900);
    return toast;
  };

  const statusOf = async () =>
    (
      await dashboard.db
        .selectFrom('conversations')
        .select('status')
        .where('account_id', '=', dashboard.accountId)
        .where('display_id', '=', conversation.id)
        .executeTakeFirstOrThrow()
    ).status;

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
      { name: 'Rana Feedback', email: LONG_EMAIL },
    );
    conversation = await api.conversationWithMessages(inbox.id, payload.contact.id, 2);
    page = await signedInPage(browser, dashboard.url, DEMO_ADMIN);
    errors = watchErrors(page);
  });

  afterAll(async () => {
    await page?.context().close();
    await browser?.close();
    await dashboard?.close();
  });

  it('confirms an app created, edited and deleted with visible toasts; links back', async () => {
    await page.goto(`/app/accounts/${dashboard.accountId}/settings/integrations/dashboard_apps`);
    await page.getByRole('heading', { level: 1, name: 'Dashboard Apps' }).waitFor();

    await page.getByRole('button', { name: 'Add a new dashboard app' }).click();
    const dialog = page.getByRole('dialog', { name: 'Add a new dashboard app' });
    await dialog.getByLabel('Name', { exact: true }).fill('Billing');
    await dialog.getByLabel('Endpoint').fill('https://billing.example.com/app');
    await dialog.getByRole('button', { name: 'Create' }).click();
    await visibleToast('“Billing” was added.');
    await page.screenshot({ path: 'test-results/screenshots/feedback-app-added-en.png' });

    await page.getByRole('button', { name: 'Edit Billing' }).click();
    const edit = page.getByRole('dialog', { name: 'Edit dashboard app' });
    await edit.getByLabel('Name', { exact: true }).fill('Billing desk');
    await edit.getByRole('button', { name: 'Save' }).click();
    await visibleToast('“Billing desk” was saved.');

    await page.getByRole('button', { name: 'More actions for Billing desk' }).click();
    await page.getByRole('menuitem', { name: 'Delete' }).click();
    await page.getByRole('alertdialog').getByRole('button', { name: 'Delete' }).click();
    await visibleToast('“Billing desk” was deleted.');
    expect(await page.getByRole('row', { name: /Billing desk/ }).count()).toBe(0);

    await page.getByRole('link', { name: 'Integrations' }).first().click();
    await page.waitForURL(/\/settings\/integrations$/);
    expect(errors).toEqual([]);
  });

  it('confirms a resolve with a toast whose Undo reopens the conversation', async () => {
    await page.goto(`/app/accounts/${dashboard.accountId}/conversations/${conversation.id}`);
    await page.getByRole('button', { name: 'Resolve' }).click();
    const toast = await visibleToast(/^Conversation with \u2068Rana Feedback\u2069 resolved/);
    await expect.poll(statusOf).toBe('resolved');
    // It covers nothing the agent needs next: not the composer's Send button.
    const box = (await toast.boundingBox())!;
    const send = (await page.getByRole('button', { name: 'Send' }).boundingBox())!;
    const overlaps =
      box.x < send.x + send.width &&
      send.x < box.x + box.width &&
      box.y < send.y + send.height &&
      send.y < box.y + box.height;
    expect(overlaps).toBe(false);
    await page.screenshot({ path: 'test-results/screenshots/feedback-resolved-en.png' });
    await toast.getByRole('button', { name: 'Undo' }).click();
    await expect.poll(statusOf).toBe('open');
    await page.getByRole('button', { name: 'Resolve' }).waitFor();
    expect(await page.locator('.toast', { hasText: 'resolved' }).count()).toBe(0);
    expect(errors).toEqual([]);
  });

  it('confirms a label added', async () => {
    await page.getByRole('button', { name: 'Labels' }).click();
    await page.getByRole('menuitemcheckbox', { name: 'billing' }).click();
    await visibleToast('Label added: \u2068billing\u2069');
    await expect
      .poll(async () =>
        (
          await dashboard.db
            .selectFrom('conversation_labels')
            .innerJoin('conversations', 'conversations.id', 'conversation_labels.conversation_id')
            .select('conversation_labels.label')
            .where('conversations.account_id', '=', dashboard.accountId)
            .where('conversations.display_id', '=', conversation.id)
            .execute()
        ).map((row) => row.label),
      )
      .toEqual(['billing']);
    expect(errors).toEqual([]);
  });

  it('wraps a long e-mail address at its dots, hyphens and "@", never inside a word', async () => {
    const email = page.locator('.contact-panel a[href^="mailto:"]');
    await email.waitFor();
    // Where each rendered line starts, read from the characters' boxes.
    const lineStarts = await email.evaluate((element) => {
      const walker = document.createTreeWalker(element, NodeFilter.SHOW_TEXT);
      const chars: { char: string; top: number }[] = [];
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const text = node.textContent ?? '';
        for (let i = 0; i < text.length; i += 1) {
          const range = document.createRange();
          range.setStart(node, i);
          range.setEnd(node, i + 1);
          chars.push({ char: text[i]!, top: Math.round(range.getBoundingClientRect().top) });
        }
      }
      return chars
        .map((c, i) =>
          i > 0 && c.top > chars[i - 1]!.top ? `${chars[i - 1]!.char}|${c.char}` : '',
        )
        .filter(Boolean);
    });
    expect(lineStarts.length).toBeGreaterThan(0);
    for (const seam of lineStarts) expect(seam).toMatch(/^.\|[@._]$|^[-:/]\|.$/);
  });
});
