import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser } from '../support/browser';
import { DEMO_ADMIN, startDashboard, type RunningDashboard } from '../support/dashboard';
import { REPO_ROOT } from '../support/paths';
import { seriousViolations, signedInPage, watchErrors } from './support';

const SHOTS = join(REPO_ROOT, 'test-results', 'screenshots');

const SIZES = [
  { name: '1440x900', viewport: { width: 1440, height: 900 }, mobile: false },
  { name: '390x844', viewport: { width: 390, height: 844 }, mobile: true },
] as const;
const LANGUAGES = [
  { name: 'en', locale: 'en-US', dir: 'ltr' },
  { name: 'ar', locale: 'ar', dir: 'rtl' },
] as const;

/**
 * The conversation view at a laptop's and a phone's size, in English and Arabic, on the demo
 * data: nothing wider than the screen, no serious accessibility problem, and a screenshot of
 * each under test-results/screenshots/ for a person to look at.
 */
describe('conversation view screenshots', () => {
  let dashboard: RunningDashboard;
  let browser: Browser;
  const contexts: BrowserContext[] = [];
  let displayId: number;

  beforeAll(async () => {
    mkdirSync(SHOTS, { recursive: true });
    dashboard = await startDashboard(
      process.env.E2E_WEB_DIST ? { config: { webDist: process.env.E2E_WEB_DIST } } : {},
    );
    browser = await launchBrowser();
    // An open conversation of the admin's with the most messages: a full thread to look at.
    const rows = await dashboard.db
      .selectFrom('conversations')
      .innerJoin('messages', 'messages.conversation_id', 'conversations.id')
      .innerJoin('users', 'users.id', 'conversations.assignee_id')
      .select(['conversations.display_id'])
      .select((eb) => eb.fn.countAll<number>().as('count'))
      .where('users.email', '=', DEMO_ADMIN.email)
      .where('conversations.status', '=', 'open')
      .groupBy('conversations.display_id')
      .orderBy('count', 'desc')
      .execute();
    displayId = rows[0]!.display_id;
  });

  afterAll(async () => {
    for (const context of contexts) await context.close();
    await browser?.close();
    await dashboard?.close();
  });

  for (const size of SIZES) {
    for (const language of LANGUAGES) {
      it(`at ${size.name} in ${language.name}`, async () => {
        const page = await signedInPage(
          browser,
          dashboard.url,
          DEMO_ADMIN,
          language.locale,
          size.viewport,
          { isMobile: size.mobile, hasTouch: size.mobile },
        );
        contexts.push(page.context());
        const errors = watchErrors(page);
        await page.goto(`/app/accounts/${dashboard.accountId}/conversations/${displayId}`);
        await page.locator('.messages-scroll .message').first().waitFor();
        // Beside the thread on a laptop: the list and the contact (loaded, not a placeholder).
        if (!size.mobile) {
          await page.locator('.conversation-row').first().waitFor();
          await page
            .locator('.contact-panel .previous-conversations, .contact-panel .muted')
            .first()
            .waitFor();
        }
        expect(await page.evaluate(() => document.documentElement.dir)).toBe(language.dir);
        const overflow = await page.evaluate(() => ({
          page: document.documentElement.scrollWidth - window.innerWidth,
          main: (() => {
            const main = document.querySelector('main')!;
            return main.scrollWidth - main.clientWidth;
          })(),
        }));
        expect(overflow).toEqual({ page: 0, main: 0 });
        await page.screenshot({
          path: join(SHOTS, `conversation-${size.name}-${language.name}.png`),
        });
        expect(await seriousViolations(page)).toEqual([]);
        expect(errors).toEqual([]);
      });
    }
  }
});
