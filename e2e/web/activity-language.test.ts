import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Message } from '../../packages/protocol/src';
import { launchBrowser } from '../support/browser';
import { DEMO_ADMIN, startDashboard, type RunningDashboard } from '../support/dashboard';
import { ScriptApi } from './api';
import { signedInPage } from './support';

/**
 * Activity messages follow the reader's language: rendered from their structured content,
 * while the stored content stays Chatwoot's English for API clients.
 */
describe('activity messages in the reader’s language', () => {
  let dashboard: RunningDashboard;
  let browser: Browser;
  let api: ScriptApi;
  let displayId: number;

  beforeAll(async () => {
    dashboard = await startDashboard(
      process.env.E2E_WEB_DIST ? { config: { webDist: process.env.E2E_WEB_DIST } } : {},
    );
    browser = await launchBrowser();
    api = await ScriptApi.signIn(dashboard.url, DEMO_ADMIN);
    const inbox = await dashboard.db
      .selectFrom('inboxes')
      .select('id')
      .where('account_id', '=', dashboard.accountId)
      .orderBy('id')
      .executeTakeFirstOrThrow();
    const { payload } = await api.request<{ payload: { contact: { id: number } } }>(
      'POST',
      'contacts',
      { name: 'Huda Activity' },
    );
    displayId = (await api.conversationWithMessages(inbox.id, payload.contact.id, 2)).id;
    await api.request('POST', `conversations/${displayId}/toggle_priority`, { priority: 'high' });
    await api.request('POST', `conversations/${displayId}/toggle_status`, { status: 'resolved' });
  });

  afterAll(async () => {
    await browser?.close();
    await dashboard?.close();
  });

  it('keeps Chatwoot’s English in the API, with the structure beside it', async () => {
    const { payload } = await api.request<{ payload: Message[] }>(
      'GET',
      `conversations/${displayId}/messages`,
    );
    const resolved = payload.find((m) => m.content === 'Conversation was resolved by Amira Nasser');
    expect(resolved?.message_type).toBe(2);
    expect(resolved?.content_attributes).toEqual({
      activity: { kind: 'status', status: 'resolved', by: { name: 'Amira Nasser' } },
    });
  });

  it('shows them in Arabic to an Arabic reader, and in English to an English one', async () => {
    const ar = await signedInPage(browser, dashboard.url, DEMO_ADMIN, 'ar');
    await ar.goto(`/app/accounts/${dashboard.accountId}/conversations/${displayId}`);
    const arThread = ar.locator('.message-activity');
    await arThread.getByText('حلّ Amira Nasser المحادثة').waitFor();
    await arThread.getByText('جعل Amira Nasser الأولوية عالية').waitFor();
    expect(await ar.getByText('Conversation was resolved by').count()).toBe(0);
    // The name keeps its own direction inside the Arabic sentence.
    const dir = await arThread
      .getByText('حلّ Amira Nasser المحادثة')
      .locator('bdi')
      .evaluate((el) => getComputedStyle(el).unicodeBidi);
    expect(dir).toBe('isolate');
    await ar.screenshot({ path: 'test-results/screenshots/activity-ar.png' });
    await ar.context().close();

    const en = await signedInPage(browser, dashboard.url, DEMO_ADMIN, 'en-US');
    await en.goto(`/app/accounts/${dashboard.accountId}/conversations/${displayId}`);
    await en
      .locator('.message-activity')
      .getByText('Conversation was resolved by Amira Nasser')
      .waitFor();
    await en
      .locator('.message-activity')
      .getByText('Priority set to High by Amira Nasser')
      .waitFor();
    await en.context().close();
  });
});
