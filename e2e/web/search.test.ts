import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser } from '../support/browser';
import { DEMO_ADMIN, startDashboard, type RunningDashboard } from '../support/dashboard';
import { ScriptApi } from './api';
import { OMAR, signedInPage, watchErrors } from './support';

/**
 * Search has its own results view across every tab and status (the issue: "refund" on Mine
 * said "No conversations here" while All had it): conversations, contacts and messages with
 * the words marked; an empty result says what was searched where; an agent finds only the
 * conversations of the inboxes they are in.
 */
describe('search across tabs and statuses', () => {
  let dashboard: RunningDashboard;
  let browser: Browser;
  let resolvedId: number;
  let hiddenId: number;

  const searchFor = async (page: Page, term: string) => {
    await page.getByRole('searchbox', { name: 'Search conversations' }).fill(term);
    return page.getByRole('region', { name: `Search results for \u2068${term}\u2069` });
  };

  beforeAll(async () => {
    dashboard = await startDashboard(
      process.env.E2E_WEB_DIST ? { config: { webDist: process.env.E2E_WEB_DIST } } : {},
    );
    browser = await launchBrowser();
    const api = await ScriptApi.signIn(dashboard.url, DEMO_ADMIN);
    const sarah = await dashboard.db
      .selectFrom('users')
      .select('id')
      .where('email', '=', 'sarah@bevatel.test')
      .executeTakeFirstOrThrow();
    // An inbox Omar and Sarah both work in.
    const omarInbox = await dashboard.db
      .selectFrom('inbox_members as omar')
      .innerJoin('users', 'users.id', 'omar.user_id')
      .innerJoin('inbox_members as sarah', 'sarah.inbox_id', 'omar.inbox_id')
      .select('omar.inbox_id')
      .where('users.email', '=', OMAR.email)
      .where('sarah.user_id', '=', sarah.id)
      .executeTakeFirstOrThrow();
    const contact = async (name: string, email: string) =>
      (
        await api.request<{ payload: { contact: { id: number } } }>('POST', 'contacts', {
          name,
          email,
        })
      ).payload.contact.id;
    const withZircon = await contact('Lina Karam', 'lina.karam@example.com');
    await contact('Zircon Haddad', 'zircon.haddad@example.com');
    // Sarah's, and resolved: neither on the admin's Mine tab nor under Open.
    const resolved = await api.request<{ id: number }>('POST', 'conversations', {
      inbox_id: omarInbox.inbox_id,
      contact_id: withZircon,
      assignee_id: sarah.id,
      message: { content: 'The zircon ring can be refunded in full.' },
    });
    resolvedId = resolved.id;
    await api.request('POST', `conversations/${resolvedId}/toggle_status`, { status: 'resolved' });
    // In an inbox Omar is not a member of.
    const privateInbox = await api.request<{ id: number }>('POST', 'inboxes', {
      name: 'Managers only',
      channel: { type: 'api' },
    });
    const hidden = await api.request<{ id: number }>('POST', 'conversations', {
      inbox_id: privateInbox.id,
      contact_id: withZircon,
      message: { content: 'Zircon order for the managers' },
    });
    hiddenId = hidden.id;
  });

  afterAll(async () => {
    await browser?.close();
    await dashboard?.close();
  });

  it('finds on Mine what other tabs and statuses hold, with the words marked', async () => {
    const page = await signedInPage(browser, dashboard.url, DEMO_ADMIN);
    const errors = watchErrors(page);
    await page.goto(`/app/accounts/${dashboard.accountId}/conversations`);
    await page.getByRole('tab', { name: /^Mine/ }).waitFor();
    const results = await searchFor(page, 'zircon');
    await results.waitFor();
    // The list's tabs step aside: the search covers them all.
    expect(await page.getByRole('tab', { name: /^Mine/ }).count()).toBe(0);
    await results.getByText('Every tab and status, in the inboxes you can see').waitFor();

    const conversations = results.getByRole('region', { name: 'Conversations' });
    await conversations.getByRole('link').first().waitFor();
    const links = await conversations
      .getByRole('link')
      .evaluateAll((items) => items.map((item) => item.getAttribute('href')));
    expect(links.sort()).toEqual(
      [resolvedId, hiddenId]
        .map((id) => `/app/accounts/${dashboard.accountId}/conversations/${id}`)
        .sort(),
    );
    await conversations.getByText('Resolved', { exact: true }).waitFor();

    const contacts = results.getByRole('region', { name: 'Contacts' });
    await contacts.getByRole('link', { name: /Zircon Haddad/ }).waitFor();
    const messages = results.getByRole('region', { name: 'Messages' });
    const ring = messages.getByRole('link', { name: /zircon ring can be refunded/ });
    await ring.waitFor();
    expect(await ring.locator('mark').allTextContents()).toEqual(['zircon']);
    expect(await contacts.locator('mark').first().textContent()).toBe('Zircon');
    await page.screenshot({ path: 'test-results/screenshots/search-en.png' });

    // A result opens its conversation.
    await ring.click();
    await page.waitForURL(new RegExp(`/conversations/${resolvedId}$`));
    await page
      .getByRole('tabpanel', { name: 'Messages' })
      .getByText('The zircon ring can be refunded in full.')
      .waitFor();
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it('says what was searched where when nothing matches; clearing brings the list back', async () => {
    const page = await signedInPage(browser, dashboard.url, DEMO_ADMIN);
    await page.goto(`/app/accounts/${dashboard.accountId}/conversations`);
    await page.getByRole('searchbox', { name: 'Search conversations' }).fill('qwertyuiop');
    const empty = page.getByRole('status').filter({ hasText: 'Nothing matches' });
    await empty.getByText('Nothing matches \u2068qwertyuiop\u2069').waitFor();
    await empty
      .getByText(
        'Searched conversations of every status and tab, contacts, and the messages of the inboxes you can see.',
      )
      .waitFor();
    await page.getByRole('button', { name: 'Clear search' }).click();
    await page.getByRole('tab', { name: /^Mine/ }).waitFor();
    await page.context().close();
  });

  it('shows an agent only the conversations of their inboxes', async () => {
    const page = await signedInPage(browser, dashboard.url, OMAR);
    await page.goto(`/app/accounts/${dashboard.accountId}/conversations`);
    const results = await searchFor(page, 'zircon');
    const conversations = results.getByRole('region', { name: 'Conversations' });
    await conversations.getByRole('link').first().waitFor();
    const links = await conversations
      .getByRole('link')
      .evaluateAll((items) => items.map((item) => item.getAttribute('href')));
    expect(links).toEqual([`/app/accounts/${dashboard.accountId}/conversations/${resolvedId}`]);
    expect(await results.getByText('Zircon order for the managers').count()).toBe(0);
    await page.context().close();
  });

  it('searches in Arabic, right to left', async () => {
    const page = await signedInPage(browser, dashboard.url, DEMO_ADMIN, 'ar');
    await page.goto(`/app/accounts/${dashboard.accountId}/conversations`);
    await page.getByRole('searchbox', { name: 'البحث في المحادثات' }).fill('zircon');
    const results = page.getByRole('region', { name: 'نتائج البحث عن \u2068zircon\u2069' });
    await results.getByRole('region', { name: 'الرسائل' }).locator('mark').first().waitFor();
    expect(await page.evaluate(() => document.documentElement.dir)).toBe('rtl');
    await page.screenshot({ path: 'test-results/screenshots/search-ar.png' });
    await page.context().close();
  });
});
