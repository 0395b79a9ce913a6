/**
 * Level 2 of the Dashboard Apps protocol in Debian's Chromium: the real server and built web
 * app, and a level-2 app written by hand from PROTOCOL.md, served from a second origin
 * (127.0.0.1:<port>; the dashboard is localhost:<port>), beside a level-1 app.
 */
import { mkdirSync } from 'node:fs';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Conversation, DashboardApp, Message } from '../../packages/protocol/src';
import { collectPageErrors, launchBrowser, signInContext } from '../support/browser';
import { DEMO_ADMIN, startDashboard, type RunningDashboard } from '../support/dashboard';
import {
  appFrame,
  conversationPath,
  FRAME_POLL_MS,
  openApp,
  openConversation,
  pause,
  received,
  receivedAtLeast,
} from './host-page';
import { answeredWithin, call, eventArrives, events, hello, messages } from './level2-page';
import { startTestApps, type TestAppServer } from './test-apps';
import { createWorld, registerApp, type HostWorld } from './world';

const ALL = [
  'notes:read',
  'composer:write',
  'notes:write',
  'labels:write',
  'attributes:write',
  'conversation:write',
  'ui',
];
const SHOTS = new URL('../../test-results/level2/', import.meta.url).pathname;
const OMAR = { email: 'omar@bevatel.test', password: DEMO_ADMIN.password };

describe('Dashboard Apps level 2 in Chromium', () => {
  let dashboard: RunningDashboard;
  let apps: TestAppServer;
  let elsewhere: TestAppServer;
  let browser: Browser;
  let world: HostWorld;
  let actor: DashboardApp;
  const contexts: BrowserContext[] = [];
  const sessions: Record<string, Awaited<ReturnType<BrowserContext['storageState']>>> = {};

  async function newPage(
    as: 'admin' | 'omar' = 'admin',
    options: { locale?: string; viewport?: { width: number; height: number } } = {},
  ): Promise<{ page: Page; errors: string[]; warnings: string[] }> {
    const context = await browser.newContext({
      baseURL: dashboard.url,
      locale: options.locale ?? 'en-US',
      viewport: options.viewport ?? { width: 1366, height: 900 },
      storageState: sessions[as],
    });
    contexts.push(context);
    await context.route(`${dashboard.url}/favicon.ico`, (route) => route.fulfill({ status: 204 }));
    const page = await context.newPage();
    const warnings: string[] = [];
    page.on('console', (message) => {
      if (message.type() === 'warning') warnings.push(message.text());
    });
    return { page, errors: collectPageErrors(page), warnings };
  }

  const accountId = () => world.api.accountId;
  const path = (c: Conversation, rest = '') => `conversations/${c.id}${rest}`;
  const conversationNow = (c: Conversation) => world.api.request<Conversation>('GET', path(c));
  const threadNow = async (c: Conversation) =>
    (await world.api.request<{ payload: Message[] }>('GET', path(c, '/messages'))).payload;

  /** The app's tab, opened and greeted; `subscribe` goes into its hello. */
  async function level2(page: Page, title: string, subscribe: string[] = []) {
    const frame = await openApp(page, title);
    const ready = await hello(frame, subscribe);
    return { frame, ready };
  }

  beforeAll(async () => {
    mkdirSync(SHOTS, { recursive: true });
    apps = await startTestApps('127.0.0.1');
    elsewhere = await startTestApps('127.0.0.1');
    const webDist = process.env.HOST_E2E_WEB_DIST;
    dashboard = await startDashboard(webDist ? { config: { webDist } } : {});
    world = await createWorld(dashboard.url);
    // refund-requested, which the tests add, is one of the demo seed's labels.
    actor = await world.api.post<DashboardApp>('dashboard_apps', {
      title: 'Order history',
      content: [{ type: 'frame', url: apps.url('/level2?name=orders') }],
      permissions: ALL,
    });
    await world.api.post('dashboard_apps', {
      title: 'Lookout',
      content: [{ type: 'frame', url: apps.url('/level2?name=lookout') }],
      permissions: [],
    });
    await registerApp(world.api, 'Classic', apps.url('/app?name=classic'));
    // Switched off, so it shows nowhere; registered, so the page's CSP lets a frame navigate
    // to its origin and the host's own origin check is what the impostor test meets.
    await world.api.post('dashboard_apps', {
      title: 'Elsewhere',
      content: [{ type: 'frame', url: elsewhere.url('/level2') }],
      enabled: false,
    });
    browser = await launchBrowser();
    for (const [key, credentials] of [
      ['admin', DEMO_ADMIN],
      ['omar', OMAR],
    ] as const) {
      const signedIn = await signInContext(browser, dashboard.url, credentials);
      sessions[key] = await signedIn.storageState();
      await signedIn.close();
    }
  });

  // Each test's pages close with it: another page with the same conversation open would mark
  // it read too, and that is a change of its own.
  afterEach(async () => {
    for (const context of contexts.splice(0)) await context.close();
  });

  afterAll(async () => {
    for (const context of contexts) await context.close();
    await browser?.close();
    await dashboard?.close();
    await apps?.close();
    await elsewhere?.close();
  });

  it('answers hello with ready, every time, and a level-1 app beside it still gets only appContext', async () => {
    const { page, errors } = await newPage();
    const { conversation } = world.first;
    await openConversation(page, accountId(), conversation.id);
    const classic = await openApp(page, 'Classic');
    await receivedAtLeast(classic, 1);
    const { frame, ready } = await level2(page, 'Order history', ['message.created', 'nope']);
    expect(ready).toMatchObject({
      protocol: 2,
      permissions: ALL,
      subscribed: ['message.created'],
      location: 'conversation.tab',
      locale: 'en',
      dir: 'ltr',
      context: { conversation: { id: conversation.id } },
    });
    expect(['light', 'dark']).toContain(ready.theme);
    expect(ready.methods).toEqual(
      expect.arrayContaining(['context.get', 'labels.add', 'ui.modal.open']),
    );
    // The tab has the panel's height: no ui.resize there.
    expect(ready.methods).not.toContain('ui.resize');
    expect(ready.events).toEqual(
      expect.arrayContaining(['conversation.changed', 'composer.beforeSend']),
    );
    const again = await hello(frame, []);
    expect(again.subscribed).toEqual([]);
    expect(await frame.evaluate(() => window.readies!.length)).toBe(2);
    expect((await call(frame, 'context.get')).result).toMatchObject({
      conversation: { id: conversation.id },
      contact: { id: world.first.contact.id },
    });

    // A hello from the dashboard's own window, or from a frame of the app's origin that the
    // dashboard did not register, gets nothing.
    await page.evaluate(() =>
      window.postMessage(
        JSON.stringify({ event: 'bevatel-dashboard-app:hello', data: { protocol: 2 } }),
        '*',
      ),
    );
    await page.evaluate((src) => {
      const intruder = document.createElement('iframe');
      intruder.src = src;
      intruder.title = 'intruder';
      document.body.append(intruder);
    }, apps.url('/level2?name=intruder'));
    const intruder = (await (await page
      .locator('iframe[title="intruder"]')
      .elementHandle())!.contentFrame())!;
    await intruder.waitForFunction(() => typeof window.hello === 'function', undefined, {
      polling: FRAME_POLL_MS,
    });
    await intruder.evaluate(() => window.hello!([]));
    expect(await answeredWithin(intruder, 'context.get', 1_000)).toBe(false);
    expect(await messages(intruder)).toEqual([]);

    const everything = await classic.evaluate(() => window.everything ?? []);
    expect(everything.length).toBeGreaterThan(0);
    for (const item of everything) expect(item.startsWith('{"event":"appContext"')).toBe(true);
    expect(errors).toEqual([]);
  });

  it('puts text into the reply box at the agent’s caret, never sending it', async () => {
    const { page, errors } = await newPage();
    const { conversation } = world.second;
    const before = (await threadNow(conversation)).length;
    await openConversation(page, accountId(), conversation.id);
    const box = page.getByRole('textbox', { name: 'Your reply' });
    await box.fill('Hello , thanks for waiting');
    await box.evaluate((el: HTMLTextAreaElement) => el.setSelectionRange(6, 6));
    const { frame } = await level2(page, 'Order history');
    // The app fills the tab: the box is not on screen, the text goes into the draft.
    expect((await call(frame, 'composer.insert', { text: 'Sara' })).result).toEqual({
      target: 'reply',
      placed: 'draft',
    });
    await page.getByRole('tab', { name: 'Messages', exact: true }).click();
    expect(await box.inputValue()).toBe('Hello Sara, thanks for waiting');
    expect(await box.evaluate((el: HTMLTextAreaElement) => el.selectionStart)).toBe(10);
    await page.getByRole('tab', { name: 'Order history', exact: true }).click();
    await call(frame, 'composer.insert', {
      text: 'Refund of SAR 150 issued on 9 Oct',
      mode: 'replace',
      target: 'note',
    });
    await page.getByRole('tab', { name: 'Messages', exact: true }).click();
    const note = page.getByRole('textbox', { name: 'Your private note' });
    expect(await note.inputValue()).toBe('Refund of SAR 150 issued on 9 Oct');
    expect(
      await page.getByRole('button', { name: 'Private note' }).getAttribute('aria-pressed'),
    ).toBe('true');
    await pause(500);
    expect((await threadNow(conversation)).length).toBe(before);
    expect(errors).toEqual([]);
  });

  it('changes the conversation through the server as the agent, each change visible and audited', async () => {
    const { page, errors } = await newPage();
    const { conversation, contact } = world.first;
    await openConversation(page, accountId(), conversation.id);
    const { frame } = await level2(page, 'Order history');

    const note = await call(frame, 'note.create', { content: 'Refund of SAR 150 issued on 9 Oct' });
    expect(note.result).toMatchObject({
      message: { private: true, content_attributes: { app_id: actor.id } },
    });
    expect((await call(frame, 'labels.add', { labels: ['refund-requested'] })).result).toEqual({
      labels: ['refund-requested'],
    });
    const header = page.locator('.conversation-header');
    await header.getByText('refund-requested').waitFor();
    expect(
      (await call(frame, 'contact.attributes.set', { attributes: { order_status: 'refunded' } }))
        .result,
    ).toMatchObject({ custom_attributes: { order_status: 'refunded', tier: 'one' } });
    await page
      .getByRole('complementary', { name: 'Contact details' })
      .getByText('refunded')
      .waitFor();
    expect(
      (await call(frame, 'conversation.attributes.set', { attributes: { order: 'A-1001' } }))
        .result,
    ).toMatchObject({ custom_attributes: { order: 'A-1001' } });
    expect((await call(frame, 'conversation.status.set', { status: 'pending' })).result).toEqual({
      status: 'pending',
      snoozed_until: null,
    });
    await page.locator('.status-pill', { hasText: 'Pending' }).waitFor();
    expect((await call(frame, 'conversation.priority.set', { priority: 'high' })).result).toEqual({
      priority: 'high',
    });
    expect((await call(frame, 'conversation.assign', { assignee_id: null })).result).toEqual({
      assignee_id: null,
    });

    await page.getByRole('tab', { name: 'Messages', exact: true }).click();
    const thread = page.locator('.messages-scroll');
    await thread.getByText('Refund of SAR 150 issued on 9 Oct').waitFor();
    await thread
      .getByText('Order history added the label refund-requested for Amira Nasser')
      .waitFor();
    const now = await conversationNow(conversation);
    expect(now).toMatchObject({
      status: 'pending',
      priority: 'high',
      labels: ['refund-requested'],
      custom_attributes: { order: 'A-1001' },
    });
    expect(now.meta.assignee).toBeNull();
    const contactNow = await world.api.request<{ payload: { custom_attributes: object } }>(
      'GET',
      `contacts/${contact.id}`,
    );
    expect(contactNow.payload.custom_attributes).toMatchObject({ order_status: 'refunded' });

    expect((await call(frame, 'labels.remove', { labels: ['refund-requested'] })).result).toEqual({
      labels: [],
    });
    await header.getByText('refund-requested').waitFor({ state: 'detached' });
    const audit = await world.api.request<{
      audit_logs: { action: string; auditable_id: number }[];
    }>('GET', 'audit_logs');
    const mine = audit.audit_logs
      .filter((row) => row.auditable_id === actor.id)
      .map((r) => r.action);
    expect(mine).toEqual(
      expect.arrayContaining([
        'dashboard_app.note_created',
        'dashboard_app.labels_changed',
        'dashboard_app.contact_attributes_set',
        'dashboard_app.conversation_updated',
        'dashboard_app.status_changed',
        'dashboard_app.priority_changed',
        'dashboard_app.assigned',
      ]),
    );
    await call(frame, 'conversation.status.set', { status: 'open' });
    await call(frame, 'conversation.assign', { assignee_id: world.adminId });
    expect(errors).toEqual([]);
  });

  it('shows toasts (at most five a minute), opens https links with noopener, and dialogs of its own origin', async () => {
    const { page, errors } = await newPage();
    const { conversation } = world.first;
    await page
      .context()
      .route('https://orders.example.test/**', (route) =>
        route.fulfill({ status: 200, contentType: 'text/html', body: '<title>Order 1001</title>' }),
      );
    await openConversation(page, accountId(), conversation.id);
    const { frame } = await level2(page, 'Order history');

    expect(
      (await call(frame, 'ui.notify', { message: 'Refund issued', kind: 'success' })).result,
    ).toEqual({
      shown: true,
    });
    const toast = page.getByRole('status', { name: 'Notifications' }).locator('.toast');
    await toast.filter({ hasText: 'Refund issued' }).waitFor();
    expect(await toast.first().textContent()).toContain('Order history');
    await page.screenshot({ path: `${SHOTS}toast-en.png` });
    for (let i = 2; i <= 5; i++) await call(frame, 'ui.notify', { message: `Note ${i}` });
    expect((await call(frame, 'ui.notify', { message: 'one too many' })).error?.code).toBe(
      'rate_limited',
    );

    const popup = page.waitForEvent('popup');
    expect(
      (await call(frame, 'ui.openUrl', { url: 'https://orders.example.test/1001' })).result,
    ).toEqual({
      opened: true,
    });
    const opened = await popup;
    await opened.waitForLoadState();
    expect(opened.url()).toBe('https://orders.example.test/1001');
    expect(await opened.evaluate(() => window.opener)).toBeNull();
    await opened.close();
    expect(
      (await call(frame, 'ui.openUrl', { url: 'http://orders.example.test/' })).error?.code,
    ).toBe('invalid_params');
    expect((await call(frame, 'ui.resize', { height: 300 })).error?.code).toBe('not_available');

    const foreign = await call(frame, 'ui.modal.open', {
      url: elsewhere.url('/level2'),
      title: 'X',
    });
    expect(foreign.error?.code).toBe('invalid_params');
    expect(
      (await call(frame, 'ui.modal.open', { url: '/level2/modal?name=modal', title: 'Refund' }))
        .result,
    ).toEqual({
      opened: true,
    });
    const dialog = page.getByRole('dialog', { name: /Refund/ });
    await dialog.waitFor();
    expect(await dialog.locator('.dapp-modal-app').textContent()).toBe('Order history');
    const modal = (await (await dialog.locator('iframe').elementHandle())!.contentFrame())!;
    await modal.waitForFunction(() => (window.received ?? []).length > 0, undefined, {
      polling: FRAME_POLL_MS,
    });
    const [context] = await received(modal);
    expect(context!.data.data!.conversation!.id).toBe(conversation.id);
    const ready = await hello(modal, []);
    expect(ready.location).toBe('modal');
    expect(ready.methods).toContain('ui.resize');
    expect(ready.methods).not.toContain('ui.modal.open');
    expect((await call(modal, 'ui.resize', { height: 300 })).result).toEqual({ height: 300 });
    await page.waitForFunction(
      () => document.querySelector('dialog iframe')?.getBoundingClientRect().height === 300,
    );
    await page.screenshot({ path: `${SHOTS}modal-en.png` });
    // The app closes its own dialog from its tab; a dialog's frame may close itself too.
    expect((await call(frame, 'ui.modal.close')).result).toEqual({ closed: true });
    await dialog.waitFor({ state: 'detached' });
    expect((await call(frame, 'ui.modal.close')).result).toEqual({ closed: false });
    await call(frame, 'ui.modal.open', { url: '/level2/modal', title: 'Again' });
    const again = page.getByRole('dialog', { name: /Again/ });
    await again.waitFor();
    const second = (await (await again.locator('iframe').elementHandle())!.contentFrame())!;
    await second.waitForFunction(() => typeof window.hello === 'function', undefined, {
      polling: FRAME_POLL_MS,
    });
    await hello(second, []);
    // Its frame goes with the dialog, before any answer could reach it.
    void second.evaluate(() => void window.call!('ui.modal.close', {})).catch(() => undefined);
    await again.waitFor({ state: 'detached' });
    expect(errors).toEqual([]);
  });

  it('refuses what the administrator did not grant, unknown methods and bad params, in that order', async () => {
    const { page, errors } = await newPage();
    await openConversation(page, accountId(), world.first.conversation.id);
    const { frame: lookout, ready } = await level2(page, 'Lookout');
    expect(ready.permissions).toEqual([]);
    const valid: [string, unknown][] = [
      ['composer.insert', { text: 'x' }],
      ['note.create', { content: 'x' }],
      ['labels.add', { labels: ['refund-requested'] }],
      ['labels.remove', { labels: ['refund-requested'] }],
      ['conversation.attributes.set', { attributes: { a: 1 } }],
      ['contact.attributes.set', { attributes: { a: 1 } }],
      ['conversation.status.set', { status: 'resolved' }],
      ['conversation.priority.set', { priority: 'low' }],
      ['conversation.assign', { assignee_id: null }],
      ['ui.notify', { message: 'x' }],
      ['ui.openUrl', { url: 'https://example.test/' }],
      ['ui.modal.open', { url: '/x', title: 'x' }],
      ['ui.modal.close', {}],
    ];
    for (const [method, params] of valid) {
      const response = await call(lookout, method, params);
      expect(response.error?.code, method).toBe('permission_denied');
    }
    // Unknown first, then the permission, then the params.
    expect((await call(lookout, 'labels.drop', { labels: 5 })).error?.code).toBe('unknown_method');
    expect((await call(lookout, 'labels.add', { labels: 5 })).error?.code).toBe(
      'permission_denied',
    );
    expect((await call(lookout, 'context.get')).result).toBeDefined();
    expect((await call(lookout, 'token.get')).error?.code).toBe('not_available');

    const { frame } = await level2(page, 'Order history');
    expect((await call(frame, 'labels.add', { labels: 5 })).error).toEqual({
      code: 'invalid_params',
      message: 'labels.add: labels must be an array (got number)',
    });
    expect((await call(frame, 'composer.insert', { text: 'x', mode: 'prepend' })).error?.code).toBe(
      'invalid_params',
    );
    expect((await call(frame, 'labels.add', { labels: ['no-such-label'] })).error?.code).toBe(
      'invalid_params',
    );
    expect((await call(frame, 'conversation.get')).error?.code).toBe('unknown_method');
    const stale = await call(frame, 'ui.notify', { message: 'x' }, { conversation_id: 999_999 });
    expect(stale.error?.code).toBe('conflict');
    const conversation = await conversationNow(world.first.conversation);
    expect(conversation.status).toBe('open');
    // The server's 422 for the unknown label is logged by the browser, nothing else.
    expect(errors.filter((e) => !e.includes('status of 422'))).toEqual([]);
  });

  it('refuses with forbidden, through the server, what the agent may no longer do', async () => {
    const profile = await world.api.request<{ id: number; email: string }[]>('GET', 'agents');
    const omar = profile.find((agent) => agent.email === OMAR.email)!;
    await world.api.post('inbox_members', { inbox_id: world.inboxId, user_ids: [omar.id] });
    const { page } = await newPage('omar');
    const { conversation } = world.second;
    await openConversation(page, accountId(), conversation.id);
    const { frame } = await level2(page, 'Order history');
    expect((await call(frame, 'labels.add', { labels: ['refund-requested'] })).result).toEqual({
      labels: ['refund-requested'],
    });
    const thread = await threadNow(conversation);
    expect(thread.at(-1)?.content).toBe(
      'Order history added the label refund-requested for Omar Haddad',
    );

    // The administrator takes Omar out of the inbox while the conversation is on his screen.
    await world.api.request('DELETE', 'inbox_members', {
      inbox_id: world.inboxId,
      user_ids: [omar.id],
    });
    const writes: [string, unknown][] = [
      ['note.create', { content: 'x' }],
      ['labels.add', { labels: ['refund-requested'] }],
      ['labels.remove', { labels: ['refund-requested'] }],
      ['conversation.attributes.set', { attributes: { a: 1 } }],
      ['contact.attributes.set', { attributes: { a: 1 } }],
      ['conversation.status.set', { status: 'resolved' }],
      ['conversation.priority.set', { priority: 'low' }],
      ['conversation.assign', { assignee_id: null }],
    ];
    for (const [method, params] of writes) {
      const response = await call(frame, method, params);
      expect(response.error?.code, method).toBe('forbidden');
    }
    const after = await conversationNow(conversation);
    expect(after).toMatchObject({ status: 'open', labels: ['refund-requested'] });
    await world.api.post(`${path(conversation, '/labels')}`, { labels: [] });
  });

  it('holds a reply back on the app’s answer to composer.beforeSend, and sends after 2 s of silence', async () => {
    const { page, errors, warnings } = await newPage();
    const { conversation } = world.second;
    await openConversation(page, accountId(), conversation.id);
    const { frame } = await level2(page, 'Order history', ['composer.beforeSend']);
    await frame.evaluate(() => {
      window.beforeSend = { allow: false, reason: 'Add the order number first' };
    });
    await page.getByRole('tab', { name: 'Messages', exact: true }).click();
    const box = page.getByRole('textbox', { name: 'Your reply' });
    const before = (await threadNow(conversation)).length;
    await box.fill('Your refund is on its way');
    await page.getByRole('button', { name: 'Send', exact: true }).click();
    const alert = page.locator('.reply-objections');
    await alert.getByText('Add the order number first').waitFor();
    expect(await alert.textContent()).toContain('Order history');
    const asked = await eventArrives(frame, 'composer.beforeSend');
    expect(asked.payload).toEqual({ text: 'Your refund is on its way', kind: 'reply' });
    await page.screenshot({ path: `${SHOTS}before-send-en.png` });
    await pause(500);
    expect((await threadNow(conversation)).length).toBe(before);
    await alert.getByRole('button', { name: 'Send anyway' }).click();
    await page.locator('.messages-scroll').getByText('Your refund is on its way').waitFor();

    // Silence: sent after the 2 s the host waits, and logged.
    await frame.evaluate(() => {
      window.beforeSend = null;
    });
    await box.fill('Order #1001 is refunded');
    const sentAt = Date.now();
    await page.getByRole('button', { name: 'Send', exact: true }).click();
    await page.getByRole('button', { name: 'Checking…' }).waitFor();
    await page
      .locator('.messages-scroll')
      .getByText('Order #1001 is refunded')
      .waitFor({ timeout: 5_000 });
    expect(Date.now() - sentAt).toBeGreaterThanOrEqual(1_900);
    expect(warnings.some((w) => w.includes('did not answer composer.beforeSend'))).toBe(true);
    const thread = (await threadNow(conversation)).map((m) => m.content);
    expect(thread).toEqual(
      expect.arrayContaining(['Your refund is on its way', 'Order #1001 is refunded']),
    );
    expect(errors).toEqual([]);
  });

  it('sends events only to documents that subscribed to them', async () => {
    const { page, errors } = await newPage();
    const { conversation } = world.first;
    await openConversation(page, accountId(), conversation.id);
    const classic = await openApp(page, 'Classic');
    await receivedAtLeast(classic, 1);
    const { frame: lookout } = await level2(page, 'Lookout', []);
    const { frame } = await level2(page, 'Order history', [
      'message.created',
      'conversation.updated',
      'app.activated',
      'app.deactivated',
    ]);
    await pause(1_000);
    const content = `Is my refund done? ${Date.now()}`;
    await world.api.post(path(conversation, '/messages'), { content, message_type: 'incoming' });
    const created = await eventArrives(frame, 'message.created');
    expect(created.payload).toMatchObject({ message: { content, message_type: 0 } });
    await eventArrives(frame, 'conversation.updated');
    await page.getByRole('tab', { name: 'Messages', exact: true }).click();
    expect((await eventArrives(frame, 'app.deactivated')).payload).toEqual({
      location: 'conversation.tab',
    });
    await page.getByRole('tab', { name: 'Order history', exact: true }).click();
    await eventArrives(frame, 'app.activated');
    await pause(500);
    expect(await events(lookout)).toEqual([]);
    for (const item of await classic.evaluate(() => window.everything ?? [])) {
      expect(item.startsWith('{"event":"appContext"')).toBe(true);
    }
    expect(errors).toEqual([]);
  });

  it('keeps an app that handles switches itself across conversations, with the new context', async () => {
    const { page, errors } = await newPage();
    const { first, second } = world;
    await openConversation(page, accountId(), first.conversation.id);
    const { frame } = await level2(page, 'Order history', ['conversation.changed']);
    const instance = await frame.evaluate(() => window.instanceId);
    const classic = await openApp(page, 'Classic');
    await receivedAtLeast(classic, 1);
    const classicInstance = await classic.evaluate(() => window.instanceId);

    await page
      .locator(`a[href$="${conversationPath(accountId(), second.conversation.id)}"]`)
      .first()
      .click();
    await page.waitForURL(`**${conversationPath(accountId(), second.conversation.id)}`);
    const changed = await eventArrives(frame, 'conversation.changed');
    expect(changed.payload).toMatchObject({
      context: { conversation: { id: second.conversation.id } },
    });
    const text = JSON.stringify(changed.payload);
    expect(text).not.toContain(first.contact.email!);
    // The level-1 app's frame went with its conversation (its tab stays chosen, with a new
    // document); this one stayed, hidden until its tab opens.
    await expect
      .poll(async () => {
        try {
          return await (await appFrame(page, 'Classic')).evaluate(() => window.instanceId);
        } catch {
          return classicInstance; // between the old frame and the new one
        }
      })
      .not.toBe(classicInstance);
    expect(await page.locator('iframe[title="Order history"]').isVisible()).toBe(false);
    // The first context of the new conversation says why it came (later ones say what changed).
    const last = (await received(frame)).find(
      (r) => r.data.data?.conversation?.id === second.conversation.id,
    )!;
    expect(last.data.data).toMatchObject({
      reason: 'conversation.changed',
      conversation: { id: second.conversation.id },
    });
    await page.getByRole('tab', { name: 'Order history', exact: true }).click();
    const same = await appFrame(page, 'Order history');
    expect(await same.evaluate(() => window.instanceId)).toBe(instance);
    expect(await page.locator('iframe[title="Order history"]').isVisible()).toBe(true);
    expect((await call(same, 'context.get')).result).toMatchObject({
      conversation: { id: second.conversation.id },
    });
    expect(errors).toEqual([]);
  });

  it('ignores a frame that navigated away, and a reloaded document until it says hello again', async () => {
    const { page, errors } = await newPage();
    await openConversation(page, accountId(), world.first.conversation.id);
    const { frame } = await level2(page, 'Order history');
    const same = apps.url('/level2?name=reloaded');
    await frame.evaluate((url) => {
      window.location.href = url;
    }, same);
    await frame.waitForURL(same);
    await frame.waitForFunction(() => typeof window.call === 'function', undefined, {
      polling: FRAME_POLL_MS,
    });
    expect(await answeredWithin(frame, 'context.get', 1_000)).toBe(false);
    await hello(frame);
    expect((await call(frame, 'context.get')).result).toBeDefined();

    const away = elsewhere.url('/level2?name=impostor');
    await frame.evaluate((url) => {
      window.location.href = url;
    }, away);
    await frame.waitForURL(away);
    await frame.waitForFunction(() => typeof window.hello === 'function', undefined, {
      polling: FRAME_POLL_MS,
    });
    await frame.evaluate(() => window.hello!([]));
    expect(await answeredWithin(frame, 'context.get', 1_000)).toBe(false);
    expect(await messages(frame)).toEqual([]);
    expect(errors.filter((e) => !/target origin/i.test(e))).toEqual([]);
  });

  it('sends one unasked context per change, with its reason (level 1 too)', async () => {
    const { page, errors } = await newPage();
    // A conversation no other page has open: their read marks would be changes too.
    const { payload } = await world.api.post<{ payload: { contact: { id: number } } }>('contacts', {
      name: 'Customer three',
      email: `three-${Date.now()}@customers.test`,
    });
    const conversation = await world.api.post<Conversation>('conversations', {
      inbox_id: world.inboxId,
      contact_id: payload.contact.id,
      assignee_id: world.adminId,
      message: { content: 'Where is my parcel?' },
    });
    await openConversation(page, accountId(), conversation.id);
    const classic = await openApp(page, 'Classic');
    await receivedAtLeast(classic, 1);
    await pause(1_500);
    const unasked = async (from: number) =>
      (await received(classic)).slice(from).map((r) => r.data.data!.reason);

    let from = (await received(classic)).length;
    await world.api.post(path(conversation, '/messages'), {
      content: `One change ${Date.now()}`,
      message_type: 'incoming',
    });
    await pause(2_500);
    expect(await unasked(from)).toEqual(['message.created']);

    from = (await received(classic)).length;
    await world.api.post(path(conversation, '/toggle_status'), { status: 'pending' });
    await pause(2_500);
    expect(await unasked(from)).toEqual(['conversation.updated']);
    await world.api.post(path(conversation, '/toggle_status'), { status: 'open' });
    expect(errors).toEqual([]);
  });

  it('shows the toast and the held-back reply in Arabic, right to left, and on a phone', async () => {
    for (const [locale, viewport, name] of [
      ['ar', { width: 1366, height: 900 }, 'ar'],
      ['en-US', { width: 390, height: 844 }, 'phone'],
    ] as const) {
      const { page, errors } = await newPage('admin', { locale, viewport });
      const { conversation } = world.second;
      await page.goto(conversationPath(accountId(), conversation.id));
      const messagesTab = page.getByRole('tab', {
        name: locale === 'ar' ? 'الرسائل' : 'Messages',
        exact: true,
      });
      await messagesTab.waitFor();
      const frame = await openApp(page, 'Order history');
      await hello(frame, ['composer.beforeSend']);
      await frame.evaluate(() => {
        window.beforeSend = { allow: false, reason: 'أضف رقم الطلب أولاً' };
      });
      await call(frame, 'ui.notify', { message: 'تم إصدار الاسترداد', kind: 'success' });
      await messagesTab.click();
      const box = page.locator('.reply-box textarea');
      await box.fill('طلبك في الطريق');
      await page.locator('.reply-box button[type="submit"]').click();
      await page.locator('.reply-objections').waitFor();
      if (locale === 'ar') {
        expect(
          await page.locator('.reply-objections').evaluate((el) => getComputedStyle(el).direction),
        ).toBe('rtl');
        await page.getByText('لم يُرسل ردّك:').waitFor();
      }
      await page.screenshot({ path: `${SHOTS}before-send-${name}.png` });
      expect(errors).toEqual([]);
    }
  });
});
