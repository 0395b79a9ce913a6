/**
 * Where apps appear and for whom (issue 12) in Debian's Chromium, against the real server and
 * the built web app, with test apps on a second origin: the sidebar beside the composer, the
 * contact page, the full page, inbox and role rules, the switch, the order, URL templates, and
 * the sheet on a phone. Screenshots go to test-results/ (en, ar, 390x844).
 */
import { mkdirSync } from 'node:fs';
import type { Browser, BrowserContext, Frame, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Contact, Conversation, DashboardApp } from '../../packages/protocol/src';
import { hashPassword } from '../../apps/server/src/lib/passwords';
import { accessTokenColumns } from '../../apps/server/src/lib/access-tokens';
import { collectPageErrors, launchBrowser, signInContext } from '../support/browser';
import {
  DEMO_ADMIN,
  E2E_SECRET_KEY_BASE,
  startDashboard,
  type RunningDashboard,
} from '../support/dashboard';
import {
  FRAME_POLL_MS,
  conversationPath,
  openConversation,
  received,
  receivedAtLeast,
} from '../dashboard-apps-host/host-page';
import { startTestApps, type TestAppServer } from '../dashboard-apps-host/test-apps';
import { createWorld, type HostWorld } from '../dashboard-apps-host/world';

const SHOTS = new URL('../../test-results/', import.meta.url).pathname;
const AGENT = { email: 'placements.agent@e2e.test', password: 'placements agent password 42' };
const AGENT_TOKEN = 'placements-agent-token-0123456789abcdef';

describe('where dashboard apps appear and for whom, in Chromium', () => {
  let dashboard: RunningDashboard;
  let apps: TestAppServer;
  let browser: Browser;
  let world: HostWorld;
  let other: { conversation: Conversation; contact: Contact };
  const made: Record<string, DashboardApp> = {};
  const contexts: BrowserContext[] = [];
  const sessions: Record<
    'admin' | 'agent',
    Awaited<ReturnType<BrowserContext['storageState']>>
  > = {} as never;

  async function newPage(
    who: 'admin' | 'agent' = 'admin',
    options: { locale?: string; viewport?: { width: number; height: number } } = {},
  ): Promise<{ page: Page; errors: string[] }> {
    const context = await browser.newContext({
      baseURL: dashboard.url,
      locale: options.locale ?? 'en-US',
      viewport: options.viewport ?? { width: 1440, height: 900 },
      storageState: sessions[who],
    });
    contexts.push(context);
    await context.route(`${dashboard.url}/favicon.ico`, (route) => route.fulfill({ status: 204 }));
    const page = await context.newPage();
    return { page, errors: collectPageErrors(page) };
  }

  const app = (title: string, body: Record<string, unknown>) =>
    world.api
      .post<DashboardApp>('dashboard_apps', {
        title,
        content: [{ type: 'frame', url: apps.url(`/app?name=${encodeURIComponent(title)}`) }],
        ...body,
      })
      .then((created) => (made[title] = created));

  async function frameOf(page: Page, title: string): Promise<Frame> {
    const element = await page
      .locator(`iframe[title="${title}"]`)
      .elementHandle({ timeout: 15_000 });
    const frame = await element!.contentFrame();
    await frame!.waitForFunction(() => Array.isArray(window.received), undefined, {
      timeout: 15_000,
      polling: FRAME_POLL_MS,
    });
    return frame!;
  }
  /** The tabs of this file's apps (the demo seed registers apps of its own too). */
  const tabNames = async (page: Page) => {
    await page.getByRole('tab', { name: 'Messages', exact: true }).waitFor();
    const mine = new Set(['Messages', ...Object.keys(made)]);
    return (await page.getByRole('tab').allTextContents())
      .map((text) => text.trim())
      .filter((text) => mine.has(text));
  };

  beforeAll(async () => {
    mkdirSync(SHOTS, { recursive: true });
    apps = await startTestApps('127.0.0.1');
    dashboard = await startDashboard();
    world = await createWorld(dashboard.url);
    // A second inbox with a conversation of its own.
    const inbox = await world.api.post<{ id: number }>('inboxes', {
      name: 'Second inbox',
      channel: { type: 'api' },
    });
    const contact = (
      await world.api.post<{ payload: { contact: Contact } }>('contacts', {
        name: 'Customer three',
        email: `three-${Date.now()}@customers.test`,
        custom_attributes: { crm_id: 'z-9' },
      })
    ).payload.contact;
    const conversation = await world.api.post<Conversation>('conversations', {
      inbox_id: inbox.id,
      contact_id: contact.id,
      status: 'open',
      message: { content: 'Hello from the second inbox' },
    });
    other = { conversation, contact };
    // The first customer's CRM id holds every character a URL must encode.
    await world.api.request('PUT', `contacts/${world.first.contact.id}`, {
      custom_attributes: { tier: 'one', crm_id: 'a b&c/d' },
    });
    // An agent of the first inbox only (written to the database: invitations need e-mail).
    const now = Date.now();
    const user = await dashboard.db
      .insertInto('users')
      .values({
        name: 'Placement Agent',
        email: AGENT.email,
        password_hash: await hashPassword(AGENT.password),
        ...accessTokenColumns(AGENT_TOKEN, E2E_SECRET_KEY_BASE),
        ui_settings: '{}',
        created_at: now,
        updated_at: now,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await dashboard.db
      .insertInto('account_users')
      .values({
        account_id: world.api.accountId,
        user_id: user.id,
        role: 'agent',
        auto_offline: 1,
        availability: 'online',
        created_at: now,
      })
      .execute();
    await dashboard.db
      .insertInto('inbox_members')
      .values({ inbox_id: world.inboxId, user_id: user.id })
      .execute();

    await app('Orders side', { locations: ['conversation.sidebar'], title_ar: 'الطلبات' });
    await app('Notes side', { locations: ['conversation.sidebar'] });
    await app('Tab A', {});
    await app('Tab B', {});
    await app('Second inbox only', { visibility: { inbox_ids: [inbox.id] } });
    await app('Admins only', { visibility: { roles: ['administrator'] } });
    await app('Switched off', {
      enabled: false,
      locations: ['conversation.tab', 'conversation.sidebar', 'contact.page', 'navigation.page'],
    });
    made.Template = await world.api.post<DashboardApp>('dashboard_apps', {
      title: 'Template',
      content: [
        {
          type: 'frame',
          url: `${apps.url('/app')}?name=Template&crm={{contact.custom_attributes.crm_id}}&c={{conversation.id}}`,
        },
      ],
    });
    await app('Contact app', { locations: ['contact.page'] });
    await app('Page app', { locations: ['navigation.page'], title_ar: 'صفحة التطبيق' });
    await world.api.post(`dashboard_apps/${made['Admins only']!.id}/secret`, {});

    browser = await launchBrowser();
    for (const [who, credentials] of [
      ['admin', DEMO_ADMIN],
      ['agent', AGENT],
    ] as const) {
      const signedIn = await signInContext(browser, dashboard.url, credentials);
      sessions[who] = await signedIn.storageState();
      await signedIn.close();
    }
  });

  afterAll(async () => {
    for (const context of contexts) await context.close();
    await browser?.close();
    await dashboard?.close();
    await apps?.close();
  });

  it('keeps a sidebar app open beside the composer while the agent types and sends; its context follows', async () => {
    const { page, errors } = await newPage();
    await openConversation(page, world.api.accountId, world.first.conversation.id);
    const side = await frameOf(page, 'Orders side');
    await receivedAtLeast(side, 1);
    const box = page.getByRole('textbox', { name: 'Your reply' });
    await box.fill('Your refund is on its way');
    // Both on screen at once: the thread's composer and the app.
    expect(await box.isVisible()).toBe(true);
    expect(await page.locator('iframe[title="Orders side"]').isVisible()).toBe(true);
    const before = (await received(side)).length;
    await page.getByRole('button', { name: 'Send', exact: true }).click();
    await side.waitForFunction(
      (n) =>
        (window.received ?? []).length > n &&
        JSON.stringify(window.received!.at(-1)!.data).includes('Your refund is on its way'),
      before,
      { timeout: 10_000, polling: FRAME_POLL_MS },
    );
    const last = (await received(side)).at(-1)!.data.data!;
    expect(last.location).toBe('conversation.sidebar');
    expect(await page.locator('iframe[title="Orders side"]').isVisible()).toBe(true);
    // Two sidebar apps stack, in the account's order.
    expect(await page.locator('.dapp-sidebar-toggle').allTextContents()).toEqual([
      'Orders side',
      'Notes side',
    ]);
    await page.screenshot({ path: `${SHOTS}placements-sidebar-en.png` });
    expect(errors).toEqual([]);
  });

  it('shows apps only where their rule and switch say, and in the order the account keeps', async () => {
    const { page } = await newPage();
    await openConversation(page, world.api.accountId, world.first.conversation.id);
    expect(await tabNames(page)).toEqual(['Messages', 'Tab A', 'Tab B', 'Admins only', 'Template']);
    await openConversation(page, world.api.accountId, other.conversation.id);
    expect(await tabNames(page)).toEqual([
      'Messages',
      'Tab A',
      'Tab B',
      'Second inbox only',
      'Admins only',
      'Template',
    ]);
    expect(await page.locator('iframe[title="Switched off"]').count()).toBe(0);
    // Reorder through the API: tabs and panels follow.
    const ids = (await world.api.request<DashboardApp[]>('GET', 'dashboard_apps')).map((a) => a.id);
    const order = [
      made['Tab B']!.id,
      made['Notes side']!.id,
      ...ids.filter((id) => id !== made['Tab B']!.id && id !== made['Notes side']!.id),
    ];
    await world.api.request('PUT', 'dashboard_apps/order', { ids: order });
    await openConversation(page, world.api.accountId, world.first.conversation.id);
    expect(await tabNames(page)).toEqual(['Messages', 'Tab B', 'Tab A', 'Admins only', 'Template']);
    await page.locator('.dapp-sidebar-toggle').first().waitFor();
    expect(await page.locator('.dapp-sidebar-toggle').allTextContents()).toEqual([
      'Notes side',
      'Orders side',
    ]);
  });

  it('never shows an administrators’ app to an agent, and refuses the agent its token through the API', async () => {
    const { page } = await newPage('agent');
    await openConversation(page, world.api.accountId, world.first.conversation.id);
    const tabs = await tabNames(page);
    expect(tabs).not.toContain('Admins only');
    expect(tabs).not.toContain('Switched off');
    const res = await fetch(
      `${dashboard.url}/api/v1/accounts/${world.api.accountId}/dashboard_apps/${made['Admins only']!.id}/context_token`,
      {
        method: 'POST',
        headers: { api_access_token: AGENT_TOKEN, 'content-type': 'application/json' },
        body: JSON.stringify({ conversation_id: world.first.conversation.id }),
      },
    );
    expect(res.status).toBe(404);
    const list = await fetch(
      `${dashboard.url}/api/v1/accounts/${world.api.accountId}/dashboard_apps`,
      {
        headers: { api_access_token: AGENT_TOKEN },
      },
    );
    const titles = ((await list.json()) as DashboardApp[]).map((a) => a.title);
    expect(titles).not.toContain('Admins only');
    expect(titles).not.toContain('Switched off');
  });

  it('fills a URL template with encoded values and reloads the frame on another conversation', async () => {
    const { page } = await newPage();
    await openConversation(page, world.api.accountId, world.first.conversation.id);
    await page.getByRole('tab', { name: 'Template', exact: true }).click();
    let frame = await frameOf(page, 'Template');
    const params = () =>
      frame.evaluate(() => Object.fromEntries(new URLSearchParams(location.search)));
    expect(await params()).toMatchObject({
      crm: 'a b&c/d',
      c: String(world.first.conversation.id),
    });
    expect(frame.url()).toContain('crm=a%20b%26c%2Fd');
    await page.goto(conversationPath(world.api.accountId, world.second.conversation.id));
    await page.getByRole('tab', { name: 'Template', exact: true }).click();
    frame = await frameOf(page, 'Template');
    expect(await params()).toMatchObject({ crm: '', c: String(world.second.conversation.id) });
  });

  it('gives the contact page app and the full-page app their context, without a conversation', async () => {
    const { page, errors } = await newPage();
    await page.goto(`/app/accounts/${world.api.accountId}/contacts/${world.first.contact.id}`);
    const contactFrame = await frameOf(page, 'Contact app');
    const [onContact] = await receivedAtLeast(contactFrame, 1);
    expect(onContact!.data.data).toMatchObject({
      conversation: null,
      location: 'contact.page',
      contact: { id: world.first.contact.id },
    });
    expect((onContact!.data.data!.conversations as unknown[]).length).toBeGreaterThan(0);
    await page.screenshot({ path: `${SHOTS}placements-contact-page-en.png`, fullPage: true });
    await page.getByRole('link', { name: 'Page app' }).click();
    await page.waitForURL(`**/apps/${made['Page app']!.id}`);
    const pageFrame = await frameOf(page, 'Page app');
    const [onPage] = await receivedAtLeast(pageFrame, 1);
    expect(onPage!.data.data).toMatchObject({
      conversation: null,
      contact: null,
      location: 'navigation.page',
      currentAgent: { email: DEMO_ADMIN.email },
    });
    await page.screenshot({ path: `${SHOTS}placements-full-page-en.png` });
    expect(errors).toEqual([]);
  });

  it('shows the sidebar apps as a sheet on a phone, in English and Arabic', async () => {
    for (const locale of ['en-US', 'ar']) {
      const { page } = await newPage('admin', { locale, viewport: { width: 390, height: 844 } });
      await page.goto(conversationPath(world.api.accountId, world.first.conversation.id));
      const toggle = page.locator('.dapp-sheet-toggle');
      await toggle.click();
      const sheet = page.locator('#sidebar-apps-sheet');
      expect(await sheet.isVisible()).toBe(true);
      // The Arabic dashboard names the app by its Arabic title.
      const title = locale === 'ar' ? 'الطلبات' : 'Orders side';
      const frame = await frameOf(page, title);
      await receivedAtLeast(frame, 1);
      expect(await page.locator(`iframe[title="${title}"]`).isVisible()).toBe(true);
      // The sheet lies over the thread: its frames start inside it, and what its scrolling
      // hides of a frame is clipped away.
      const sheetBox = (await sheet.boundingBox())!;
      const frameBox = (await page.locator(`iframe[title="${title}"]`).boundingBox())!;
      expect(frameBox.y).toBeGreaterThanOrEqual(sheetBox.y - 1);
      const clip = await page
        .locator('.dapp-stage-frame', { has: page.locator(`iframe[title="${title}"]`) })
        .evaluate((element) => getComputedStyle(element).clipPath);
      if (frameBox.y + frameBox.height > sheetBox.y + sheetBox.height + 1) {
        expect(clip).toMatch(/^inset\(/);
      }
      await page.screenshot({
        path: `${SHOTS}placements-phone-sheet-${locale === 'ar' ? 'ar' : 'en'}.png`,
      });
    }
  });
});
