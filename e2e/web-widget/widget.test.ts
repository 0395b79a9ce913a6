/**
 * The website live-chat widget in Chromium: the demo shop (examples/demo-shop) on a second
 * origin (127.0.0.1:<port>; the dashboard is localhost:<port>) embeds the snippet; a visitor
 * writes, the agent answers in the dashboard, identity verification with a valid and a forged
 * hash, a reload, a refused site, the pre-chat form, Arabic and a phone. Screenshots go to
 * test-results/web-widget/.
 */
import { mkdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Server } from 'node:http';
import { join } from 'node:path';
import type { Browser, BrowserContext, Frame, FrameLocator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Conversation, Inbox } from '../../packages/protocol/src';
import { DEMO_CUSTOMER, startShop } from '../../examples/demo-shop/server/start';
import { collectPageErrors, launchBrowser, signInContext } from '../support/browser';
import { DEMO_ADMIN, startDashboard, type RunningDashboard } from '../support/dashboard';
import { REPO_ROOT } from '../support/paths';
import { freePort } from '../support/ports';
import { receivedAtLeast, type Received } from '../dashboard-apps-host/host-page';
import { startTestApps, type TestAppServer } from '../dashboard-apps-host/test-apps';
import { ScriptApi } from '../web/api';

const SHOTS = join(REPO_ROOT, 'test-results/web-widget');
const AXE_SOURCE = readFileSync(
  createRequire(import.meta.url).resolve('axe-core/axe.min.js'),
  'utf8',
);

declare global {
  interface Window {
    $bevatel?: {
      hasLoaded: boolean;
      isOpen: boolean;
      setLocale(locale: string): void;
      toggle(state?: 'open' | 'close'): void;
      reset(): void;
    };
  }
}

describe('website widget in Chromium', () => {
  let dashboard: RunningDashboard;
  let api: ScriptApi;
  let browser: Browser;
  let inbox: Inbox;
  let shop: Server;
  let shopUrl: string;
  let stranger: Server;
  let strangerUrl: string;
  let apps: TestAppServer;
  let agentSession: Awaited<ReturnType<BrowserContext['storageState']>>;
  const contexts: BrowserContext[] = [];

  async function visitor(query = '?guest=1', options: { phone?: boolean } = {}) {
    const context = await browser.newContext(
      options.phone
        ? { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true }
        : {},
    );
    contexts.push(context);
    const page = await context.newPage();
    const errors = collectPageErrors(page);
    await page.goto(`${shopUrl}${query}`);
    return { context, page, errors };
  }

  const bubble = (page: Page) => page.locator('[data-bevatel-widget] button.bubble');
  const chat = (page: Page): FrameLocator => page.frameLocator('[data-bevatel-widget] iframe');

  async function openChat(page: Page): Promise<FrameLocator> {
    await bubble(page).click();
    const frame = chat(page);
    await frame.locator('textarea:visible, form.prechat:visible').first().waitFor();
    return frame;
  }

  async function say(frame: FrameLocator, text: string) {
    await frame.locator('textarea').fill(text);
    await frame.locator('textarea').press('Enter');
    await frame.locator('li.msg.in', { hasText: text }).waitFor();
  }

  /** The newest conversation of the website inbox whose first message is `text`. */
  async function conversationSaying(text: string): Promise<Conversation> {
    const deadline = Date.now() + 10_000;
    for (;;) {
      const row = await dashboard.db
        .selectFrom('messages')
        .innerJoin('conversations', 'conversations.id', 'messages.conversation_id')
        .select('conversations.display_id')
        .where('messages.content', '=', text)
        .executeTakeFirst();
      if (row) return api.request<Conversation>('GET', `conversations/${row.display_id}`);
      if (Date.now() > deadline) throw new Error(`no conversation says ${text}`);
      await new Promise((r) => setTimeout(r, 100));
    }
  }

  async function agentPage(displayId: number): Promise<Page> {
    const context = await browser.newContext({
      baseURL: dashboard.url,
      storageState: agentSession,
    });
    contexts.push(context);
    const page = await context.newPage();
    await page.goto(`/app/accounts/${dashboard.accountId}/conversations/${displayId}`);
    return page;
  }

  beforeAll(async () => {
    mkdirSync(SHOTS, { recursive: true });
    dashboard = await startDashboard();
    api = await ScriptApi.signIn(dashboard.url, DEMO_ADMIN);
    const inboxes = await api.request<{ payload: Inbox[] }>('GET', 'inboxes');
    inbox = inboxes.payload.find((i) => i.channel_type === 'Channel::WebWidget')!;
    const port = await freePort();
    const shopOptions = {
      host: '127.0.0.1',
      dashboardUrl: dashboard.url,
      websiteToken: inbox.website_token!,
      hmacToken: inbox.hmac_token!,
      customer: DEMO_CUSTOMER,
    };
    shop = await startShop({ ...shopOptions, port });
    shopUrl = `http://127.0.0.1:${port}/`;
    const strangerPort = await freePort();
    stranger = await startShop({ ...shopOptions, port: strangerPort });
    strangerUrl = `http://127.0.0.1:${strangerPort}/`;
    // Only the shop may load the widget.
    await api.request('PATCH', `inboxes/${inbox.id}`, {
      channel: { allowed_domains: `127.0.0.1:${port}` },
    });
    // A dashboard app beside website conversations, recording the appContext it receives.
    apps = await startTestApps('127.0.0.1');
    await api.request('POST', 'dashboard_apps', {
      title: 'Visitor',
      content: [{ type: 'frame', url: apps.url('/app?name=visitor') }],
      allow: [],
    });
    browser = await launchBrowser();
    const signedIn = await signInContext(browser, dashboard.url, DEMO_ADMIN);
    agentSession = await signedIn.storageState();
    await signedIn.close();
  });

  afterAll(async () => {
    for (const context of contexts) await context.close();
    await browser?.close();
    await new Promise((r) => shop?.close(r));
    await new Promise((r) => stranger?.close(r));
    await apps?.close();
    await dashboard?.close();
  });

  it('carries a visitor’s message to the agent live with the browser fields, and the reply back', async () => {
    const { page, errors } = await visitor();
    await bubble(page).waitFor();
    // The chat frame is not loaded until the visitor opens it.
    expect(await page.locator('[data-bevatel-widget] iframe').count()).toBe(0);
    const frame = await openChat(page);
    await say(frame, 'Hello, where is my parcel?');
    const conversation = await conversationSaying('Hello, where is my parcel?');
    expect(conversation.meta.hmac_verified).toBe(false);
    expect(conversation.additional_attributes.browser.browser_name).toBe('Chrome');
    expect(conversation.additional_attributes.browser.platform_name).toBe('Linux');
    expect(conversation.additional_attributes.referer).toBe(`${shopUrl}?guest=1`);
    expect(conversation.additional_attributes.initiated_at.timestamp).toMatch(/\d{4}/);

    const agent = await agentPage(conversation.id);
    await agent.getByText('Hello, where is my parcel?').first().waitFor();
    await expect.poll(() => agent.getByTestId('visitor-browser').innerText()).toContain('Chrome');
    // Live: the visitor's next message appears without a reload.
    await say(frame, 'It was order 1042');
    await agent.getByText('It was order 1042').first().waitFor({ timeout: 10_000 });
    await agent.screenshot({ path: join(SHOTS, 'agent-sees-visitor.png') });

    // Typing shows both ways.
    await frame.locator('textarea').pressSequentially('Also');
    await agent.getByText('Visitor is typing…').waitFor({ timeout: 10_000 });
    await agent.screenshot({ path: join(SHOTS, 'agent-sees-visitor-typing.png') });
    await frame.locator('textarea').fill('');
    const reply = agent.getByRole('textbox').last();
    await reply.pressSequentially('It ships');
    await frame.getByText('Amira Nasser is typing…').waitFor({ timeout: 10_000 });
    // The agent's reply reaches the open widget live.
    await reply.fill('It ships today from Riyadh');
    await reply.press('Enter');
    await frame.locator('li.msg.out', { hasText: 'It ships today from Riyadh' }).waitFor();
    await page.screenshot({ path: join(SHOTS, 'widget-en.png') });

    // Closed, a reply counts on the launcher.
    await frame.locator('button.close').click();
    await api.request('POST', `conversations/${conversation.id}/messages`, {
      content: 'Anything else?',
    });
    await expect.poll(() => bubble(page).getAttribute('aria-label')).toContain('1 unread message');
    await expect.poll(() => page.locator('[data-bevatel-widget] .badge').innerText()).toBe('1');

    // A reload (and another tab) continue the same conversation.
    await page.reload();
    const again = await openChat(page);
    await again.locator('li.msg', { hasText: 'It ships today from Riyadh' }).waitFor();
    await again.locator('li.msg', { hasText: 'Hello, where is my parcel?' }).waitFor();
    const tab = await page.context().newPage();
    await tab.goto(`${shopUrl}?guest=1`);
    const inTab = await openChat(tab);
    await inTab.locator('li.msg', { hasText: 'It was order 1042' }).waitFor();
    const stored = await dashboard.db
      .selectFrom('conversations')
      .select('id')
      .where(
        'contact_inbox_id',
        '=',
        (
          await dashboard.db
            .selectFrom('conversations')
            .select('contact_inbox_id')
            .where('display_id', '=', conversation.id)
            .where('account_id', '=', dashboard.accountId)
            .executeTakeFirstOrThrow()
        ).contact_inbox_id,
      )
      .execute();
    expect(stored).toHaveLength(1);
    expect(errors, errors.join('\n')).toEqual([]);
  });

  it('verifies the signed-in customer: the conversation is theirs, hmac_verified reaches the app', async () => {
    const { page } = await visitor('');
    const frame = await openChat(page);
    await say(frame, 'Hi, it is Emily');
    const conversation = await conversationSaying('Hi, it is Emily');
    expect(conversation.meta.hmac_verified).toBe(true);
    expect(conversation.meta.sender.identifier).toBe(DEMO_CUSTOMER.identifier);
    expect(conversation.meta.sender.email).toBe(DEMO_CUSTOMER.email);
    const seeded = await dashboard.db
      .selectFrom('contacts')
      .select('id')
      .where('identifier', '=', DEMO_CUSTOMER.identifier)
      .execute();
    expect(seeded.map((c) => c.id)).toEqual([conversation.meta.sender.id]);

    const agent = await agentPage(conversation.id);
    await agent.getByRole('tab', { name: 'Visitor' }).click();
    const appFrame = await waitForAppFrame(agent);
    const [first] = (await receivedAtLeast(appFrame, 1, 10_000)) as Received[];
    const data = (first!.data as unknown as { data: { conversation: Conversation } }).data;
    expect(data.conversation.meta.hmac_verified).toBe(true);
    expect(data.conversation.additional_attributes.browser.browser_name).toBe('Chrome');
    expect(data.conversation.additional_attributes.referer).toBe(shopUrl);
    await agent.screenshot({ path: join(SHOTS, 'agent-verified-with-app.png') });
  });

  it('refuses a forged identifier_hash: the visitor stays anonymous, the customer untouched', async () => {
    const { page } = await visitor('?forged=1');
    const refused = page.evaluate(
      () =>
        new Promise<string>((resolve) =>
          window.addEventListener('bevatel:error', (e) =>
            resolve(JSON.stringify((e as CustomEvent).detail)),
          ),
        ),
    );
    const frame = await openChat(page);
    expect(await refused).toContain('identifier_hash');
    await say(frame, 'I claim to be Emily');
    const conversation = await conversationSaying('I claim to be Emily');
    expect(conversation.meta.hmac_verified).toBe(false);
    expect(conversation.meta.sender.identifier).toBeNull();
    expect(conversation.meta.sender.email).not.toBe(DEMO_CUSTOMER.email);
  });

  it('does not load on a site that is not allowed', async () => {
    const context = await browser.newContext();
    contexts.push(context);
    const page = await context.newPage();
    const warnings: string[] = [];
    page.on('console', (message) => warnings.push(message.text()));
    await page.goto(`${strangerUrl}?guest=1`);
    await expect.poll(() => warnings.join('\n')).toContain('Bevatel widget');
    expect(await page.locator('[data-bevatel-widget]').count()).toBe(0);
    // Framing the chat there directly is refused by the browser (frame-ancestors).
    const blocked = await page.evaluate(async (src) => {
      const frame = document.createElement('iframe');
      frame.src = src;
      document.body.append(frame);
      await new Promise((r) => setTimeout(r, 1500));
      try {
        return frame.contentDocument?.body?.innerHTML ?? 'cross-origin';
      } catch {
        return 'cross-origin';
      }
    }, `${dashboard.url}/widget?website_token=${inbox.website_token}`);
    expect(blocked).not.toContain('chat');
  });

  it('asks the pre-chat form, in Arabic right to left, and fits a phone', async () => {
    await api.request('PATCH', `inboxes/${inbox.id}`, {
      channel: {
        pre_chat_form_enabled: true,
        pre_chat_form_options: {
          pre_chat_fields: [
            { name: 'fullName', enabled: true, required: true },
            { name: 'emailAddress', enabled: true, required: false },
          ],
        },
      },
    });
    const { page } = await visitor('?guest=1&lang=ar', { phone: true });
    const frame = await openChat(page);
    const html = frame.locator('html');
    await expect.poll(() => html.getAttribute('dir')).toBe('rtl');
    await expect.poll(() => html.getAttribute('lang')).toBe('ar');
    await frame.getByRole('button', { name: 'ابدأ المحادثة' }).click();
    await frame.getByText('مطلوب').waitFor();
    await page.screenshot({ path: join(SHOTS, 'prechat-ar-phone.png') });
    await frame.getByLabel('اسمك *').fill('ليلى');
    await frame.getByLabel('بريدك الإلكتروني').fill('layla@example.sa');
    await frame.getByRole('button', { name: 'ابدأ المحادثة' }).click();
    await say(frame, 'مرحباً، أين طلبي؟');
    const conversation = await conversationSaying('مرحباً، أين طلبي؟');
    expect(conversation.meta.sender.name).toBe('ليلى');
    expect(conversation.meta.sender.email).toBe('layla@example.sa');
    await page.screenshot({ path: join(SHOTS, 'widget-ar-phone.png') });
    await api.request('PATCH', `inboxes/${inbox.id}`, {
      channel: { pre_chat_form_enabled: false },
    });
  });

  it('answers window.$bevatel (events, setLocale, toggle, reset), in dark, with no serious axe findings', async () => {
    const context = await browser.newContext({ colorScheme: 'dark' });
    contexts.push(context);
    const page = await context.newPage();
    await page.goto(`${shopUrl}?guest=1`);
    await page.waitForFunction(() => window.$bevatel?.hasLoaded === true);
    await page.evaluate(() => {
      const w = window as unknown as { heard: unknown[] };
      w.heard = [];
      window.addEventListener('bevatel:on-message', (e) => w.heard.push((e as CustomEvent).detail));
    });
    await page.evaluate(() => window.$bevatel!.toggle('open'));
    const frame = chat(page);
    await say(frame, 'Dark mode question');
    const conversation = await conversationSaying('Dark mode question');
    await api.request('POST', `conversations/${conversation.id}/messages`, {
      content: 'Seen in the dark',
    });
    await frame.locator('li.msg.out', { hasText: 'Seen in the dark' }).waitFor();
    await expect
      .poll(() =>
        page.evaluate(() => JSON.stringify((window as unknown as { heard: unknown[] }).heard)),
      )
      .toContain('Seen in the dark');
    await expect.poll(() => frame.locator('html').getAttribute('data-theme')).toBe('auto');
    const background = await frame
      .locator('body')
      .evaluate((body) => getComputedStyle(body).backgroundColor);
    expect(background).toBe('rgb(17, 24, 39)');
    await page.screenshot({ path: join(SHOTS, 'widget-dark.png') });

    const chatFrame = page.frames().find((f) => f.url().includes('/widget?'))!;
    await chatFrame.evaluate(AXE_SOURCE);
    const serious = await chatFrame.evaluate(async () => {
      const axe = (
        window as unknown as {
          axe: { run(): Promise<{ violations: { id: string; impact: string }[] }> };
        }
      ).axe;
      const result = await axe.run();
      return result.violations
        .filter((v) => v.impact === 'serious' || v.impact === 'critical')
        .map(
          (v) =>
            `${v.id}: ${JSON.stringify((v as unknown as { nodes: { target: string[] }[] }).nodes.map((n) => n.target))}`,
        );
    });
    expect(serious).toEqual([]);

    await page.evaluate(() => window.$bevatel!.setLocale('ar'));
    await expect.poll(() => frame.locator('html').getAttribute('dir')).toBe('rtl');
    await page.evaluate(() => window.$bevatel!.toggle());
    expect(await page.evaluate(() => window.$bevatel!.isOpen)).toBe(false);
    // reset(): the next visitor on this browser starts from nothing.
    await page.evaluate(() => window.$bevatel!.reset());
    expect(await page.evaluate(() => localStorage.length)).toBe(0);
    await page.evaluate(() => window.$bevatel!.toggle('open'));
    await frame.locator('textarea:visible').waitFor();
    expect(await frame.locator('li.msg', { hasText: 'Dark mode question' }).count()).toBe(0);
  });

  it('shows the snippet (copyable) and the options on the inbox’s widget settings page', async () => {
    const context = await browser.newContext({
      baseURL: dashboard.url,
      storageState: agentSession,
    });
    contexts.push(context);
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], {
      origin: dashboard.url,
    });
    const page = await context.newPage();
    await page.goto(`/app/accounts/${dashboard.accountId}/settings/inboxes`);
    await page.getByRole('link', { name: /Widget settings/ }).click();
    await page.getByRole('heading', { name: /Website widget/ }).waitFor();
    await expect
      .poll(() => page.locator('pre.snippet').innerText())
      .toContain(inbox.website_token!);
    await page.getByRole('button', { name: 'Copy the snippet' }).click();
    const copied = await page.evaluate(() => navigator.clipboard.readText());
    expect(copied).toContain('/packs/js/sdk.js');
    await page.getByLabel('Welcome title (Arabic)').fill('أهلاً بك في المتجر');
    await page.getByRole('button', { name: 'Save widget settings' }).click();
    await page.getByText('Widget settings saved').waitFor();
    const saved = await api.request<Inbox>('GET', `inboxes/${inbox.id}`);
    expect(saved.translations?.ar?.welcome_title).toBe('أهلاً بك في المتجر');
    await page.screenshot({ path: join(SHOTS, 'settings-en.png'), fullPage: true });
  });
});

async function waitForAppFrame(page: Page): Promise<Frame> {
  const deadline = Date.now() + 10_000;
  for (;;) {
    const frame = page.frames().find((f) => f.url().includes('name=visitor'));
    if (frame) return frame;
    if (Date.now() > deadline) throw new Error('the app frame did not load');
    await new Promise((r) => setTimeout(r, 50));
  }
}
