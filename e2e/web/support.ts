/** Page helpers for the agent dashboard's browser tests. */
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { sql } from 'kysely';
import type { RunningDashboard } from '../support/dashboard';
import { injectAxe } from '../support/axe';

export const DEMO_PASSWORD = 'Bevatel!2026';
export const OMAR = { email: 'omar@bevatel.test', password: DEMO_PASSWORD };

/** Console errors and page errors, for asserting there were none. */
export function watchErrors(page: Page) {
  const errors: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text());
  });
  page.on('pageerror', (error) => errors.push(error.message));
  return errors;
}

/** Runs axe-core in the page; returns serious and critical violations, described. */
export async function seriousViolations(page: Page): Promise<string[]> {
  await injectAxe(page);
  const results = await page.evaluate(async () => {
    const axe = (
      window as unknown as { axe: { run: (ctx: Document, o: object) => Promise<unknown> } }
    ).axe;
    return (await axe.run(document, { resultTypes: ['violations'] })) as {
      violations: { id: string; impact: string; help: string; nodes: { target: string[] }[] }[];
    };
  });
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map(
      (v) =>
        `${v.impact} ${v.id}: ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`,
    );
}

/** A conversation of the demo seed that an agent can see: assigned to that agent. */
export async function conversationAssignedTo(
  dashboard: RunningDashboard,
  email: string,
): Promise<{ displayId: number; contactName: string }> {
  const row = await dashboard.db
    .selectFrom('conversations')
    .innerJoin('users', 'users.id', 'conversations.assignee_id')
    .innerJoin('contacts', 'contacts.id', 'conversations.contact_id')
    .select(['conversations.display_id', 'contacts.name'])
    .where('users.email', '=', email)
    .where('conversations.account_id', '=', dashboard.accountId)
    .where('conversations.status', '=', 'open')
    .orderBy(sql`conversations.last_activity_at`, 'desc')
    .executeTakeFirstOrThrow();
  return { displayId: row.display_id, contactName: row.name ?? '' };
}

export async function newContext(browser: Browser, baseUrl: string): Promise<BrowserContext> {
  return browser.newContext({
    baseURL: baseUrl,
    locale: 'en-US',
    viewport: { width: 1440, height: 900 },
  });
}

/** Signs in the way a person does: the form on /app/login. */
export async function signInThroughForm(page: Page, email: string, password: string) {
  await page.goto('/app/login');
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.waitForURL(/\/app\/accounts\/\d+\/conversations/);
}

/**
 * A page of a fresh context signed in as `credentials`, in `locale` (the UI follows the
 * browser's language while the profile has none saved), at 1440×900 unless told otherwise.
 */
export async function signedInPage(
  browser: Browser,
  baseUrl: string,
  credentials: { email: string; password: string },
  locale = 'en-US',
  viewport = { width: 1440, height: 900 },
  options: { isMobile?: boolean; hasTouch?: boolean } = {},
): Promise<Page> {
  const context = await browser.newContext({ baseURL: baseUrl, locale, viewport, ...options });
  const response = await context.request.post('/auth/sign_in', { data: credentials });
  if (!response.ok()) throw new Error(`sign-in failed for ${credentials.email}`);
  return context.newPage();
}
