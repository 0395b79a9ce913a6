import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser } from '../support/browser';
import { DEMO_ADMIN, startDashboard, type RunningDashboard } from '../support/dashboard';
import { ScriptApi } from './api';
import { signedInPage, watchErrors } from './support';

/**
 * The dashboard read in Arabic: counts in Arabic's plural forms, initials past the article,
 * filters whose choice is read whole (in English too).
 */
describe('the dashboard in Arabic', () => {
  let dashboard: RunningDashboard;
  let browser: Browser;
  const contexts: BrowserContext[] = [];
  const unread = new Map<number, number>();

  async function page(locale: string, viewport = { width: 1440, height: 900 }): Promise<Page> {
    const p = await signedInPage(browser, dashboard.url, DEMO_ADMIN, locale, viewport);
    contexts.push(p.context());
    await p.goto(`/app/accounts/${dashboard.accountId}/conversations`);
    await p.getByRole('tab', { name: /^(All|الكل)/ }).click();
    return p;
  }

  const rowOf = (p: Page, displayId: number) =>
    p.locator(`a.conversation-row[href$="/conversations/${displayId}"]`);

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
      .where('name', '=', 'Support API')
      .executeTakeFirstOrThrow();
    const names = ['بدر الشهري', 'نورة العتيبي', 'سلمان القحطاني', 'هند الزهراني'];
    for (const [index, count] of [1, 2, 3, 11].entries()) {
      const { payload } = await api.request<{ payload: { contact: { id: number } } }>(
        'POST',
        'contacts',
        { name: names[index], email: `plural${count}@arabic.test` },
      );
      // The first message (creating the conversation) is the agent's: `count` from the customer.
      const conversation = await api.conversationWithMessages(
        inbox.id,
        payload.contact.id,
        count + 1,
      );
      unread.set(count, conversation.id);
    }
  });

  afterAll(async () => {
    for (const context of contexts) await context.close();
    await browser?.close();
    await dashboard?.close();
  });

  it('counts unread messages in Arabic’s plural forms', async () => {
    const p = await page('ar');
    const errors = watchErrors(p);
    const said = async (count: number) => {
      const badge = rowOf(p, unread.get(count)!).locator('.badge .sr-only');
      await badge.waitFor({ state: 'attached' });
      return badge.textContent();
    };
    expect(await said(1)).toBe('رسالة واحدة غير مقروءة');
    expect(await said(2)).toBe('رسالتان غير مقروءتين');
    // Digits as Arabic numbers are written in the reader's browser (Intl), like every count.
    const [three, eleven] = await p.evaluate(() =>
      [3, 11].map((n) => new Intl.NumberFormat('ar').format(n)),
    );
    expect(await said(3)).toBe(`${three} رسائل غير مقروءة`);
    expect(await said(11)).toBe(`${eleven} رسالة غير مقروءة`);
    expect(await rowOf(p, unread.get(11)!).locator('.badge [aria-hidden]').textContent()).toBe(
      eleven,
    );
    expect(errors).toEqual([]);
  });

  it('draws initials past the Arabic article, letters apart', async () => {
    const p = await page('ar');
    const avatar = rowOf(p, unread.get(1)!).locator('.avatar');
    await avatar.waitFor();
    expect(await avatar.getAttribute('data-initials')).toBe('ب ش');
    expect(await rowOf(p, unread.get(2)!).locator('.avatar').getAttribute('data-initials')).toBe(
      'ن ع',
    );
  });

  for (const locale of ['ar', 'en-US']) {
    for (const width of [1440, 1024]) {
      it(`shows the filters' whole choice at ${width} px in ${locale}`, async () => {
        const p = await page(locale, { width, height: 900 });
        const selects = p.locator('.list-filters select');
        await selects.first().waitFor();
        const cut = await selects.evaluateAll((elements) =>
          (elements as HTMLSelectElement[]).flatMap((select) => {
            const style = getComputedStyle(select);
            const canvas = document.createElement('canvas').getContext('2d')!;
            canvas.font = `${style.fontWeight} ${style.fontSize} ${style.fontFamily}`;
            const padding =
              parseFloat(style.paddingInlineStart) + parseFloat(style.paddingInlineEnd);
            // Room for the text: the box minus padding and the drop-down arrow (about 20 px).
            const room = select.clientWidth - padding - 20;
            return Array.from(select.options)
              .filter((option) => canvas.measureText(option.text).width > room)
              .map((option) => `${select.id}: ${option.text}`);
          }),
        );
        expect(cut).toEqual([]);
      });
    }
  }
});
