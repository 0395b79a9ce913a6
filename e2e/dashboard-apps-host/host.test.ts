/**
 * The Dashboard Apps host in Debian's Chromium, against the real server and the built web app,
 * with apps written from the product document alone and served from a second origin
 * (127.0.0.1:<port>; the dashboard is localhost:<port>).
 */
import { createHmac } from 'node:crypto';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { Ajv2020 } from 'ajv/dist/2020';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import schema from '@bevatel/protocol/app-context.schema.json';
import type { DashboardApp } from '../../packages/protocol/src';
import { collectPageErrors, launchBrowser, signInContext } from '../support/browser';
import { DEMO_ADMIN, startDashboard, type RunningDashboard } from '../support/dashboard';
import {
  appFrame,
  conversationPath,
  openApp,
  openConversation,
  pause,
  received,
  receivedAtLeast,
  type Received,
} from './host-page';
import { startTestApps, type TestAppServer } from './test-apps';
import { createWorld, registerApp, type HostWorld } from './world';

const FETCH_INFO = 'bevatel-dashboard-app:fetch-info';
const CHATWOOT_FETCH_INFO = 'chatwoot-dashboard-app:fetch-info';
const SANDBOX =
  'allow-scripts allow-same-origin allow-forms allow-popups allow-popups-to-escape-sandbox allow-downloads';

const validate = new Ajv2020({ allErrors: true, strict: false }).compile(schema);

describe('Dashboard app host in Chromium', () => {
  let dashboard: RunningDashboard;
  let apps: TestAppServer;
  let elsewhere: TestAppServer;
  let browser: Browser;
  let world: HostWorld;
  let orders: DashboardApp;
  let signed: DashboardApp;
  let signingSecret: string;
  const contexts: BrowserContext[] = [];

  // One sign-in for the file (the endpoint is rate limited); each test gets a fresh context.
  let session: Awaited<ReturnType<BrowserContext['storageState']>>;

  async function newPage(locale = 'en-US'): Promise<{ page: Page; errors: string[] }> {
    const context = await browser.newContext({
      baseURL: dashboard.url,
      locale,
      storageState: session,
    });
    contexts.push(context);
    // The dashboard has no favicon yet; its 404 is not what these tests are about.
    await context.route(`${dashboard.url}/favicon.ico`, (route) => route.fulfill({ status: 204 }));
    const page = await context.newPage();
    return { page, errors: collectPageErrors(page) };
  }

  const accountId = () => world.api.accountId;
  const payloadText = (list: Received[]) => JSON.stringify(list.map((r) => r.data));

  beforeAll(async () => {
    apps = await startTestApps('127.0.0.1');
    // A third origin: the same loopback address on another port.
    elsewhere = await startTestApps('127.0.0.1');
    // HOST_E2E_WEB_DIST: a web build of one's own, so iterating never empties the shared dist/.
    const webDist = process.env.HOST_E2E_WEB_DIST;
    dashboard = await startDashboard(webDist ? { config: { webDist } } : {});
    world = await createWorld(dashboard.url);
    orders = await registerApp(world.api, 'Orders', apps.url('/app?name=orders'), [
      'clipboard-write',
    ]);
    await registerApp(world.api, 'CRM', apps.url('/app?name=crm'));
    signed = await registerApp(world.api, 'Signed', apps.url('/app?name=signed'));
    signingSecret = (
      await world.api.post<{ secret: string }>(`dashboard_apps/${signed.id}/secret`, {})
    ).secret;
    await registerApp(world.api, 'Slow', apps.url('/slow'));
    // Registered too, so the dashboard's CSP (frame-src: registered origins only) lets a frame
    // navigate there: the host must still treat it as a stranger.
    await registerApp(world.api, 'Elsewhere', elsewhere.url('/app?name=elsewhere'));
    browser = await launchBrowser();
    const signedIn = await signInContext(browser, dashboard.url, DEMO_ADMIN);
    session = await signedIn.storageState();
    await signedIn.close();
  });

  afterAll(async () => {
    for (const context of contexts) await context.close();
    await browser?.close();
    await dashboard?.close();
    await apps?.close();
    await elsewhere?.close();
  });

  it('sends the documented appContext on load, with the values of the conversation in view', async () => {
    const { page, errors } = await newPage();
    const { conversation, contact, said } = world.first;
    await openConversation(page, accountId(), conversation.id);
    const frame = await openApp(page, 'Orders');
    const [first] = await receivedAtLeast(frame, 1);
    expect(first).toBeDefined();
    const message = first!;

    // A JSON string posted by the dashboard's origin, parsed by the app's own listener.
    expect(message.origin).toBe(dashboard.url);
    expect(validate(message.data), JSON.stringify(validate.errors, null, 2)).toBe(true);
    const data = message.data.data!;
    expect(message.data.event).toBe('appContext');
    expect(data.conversation!.id).toBe(conversation.id);
    expect(data.contact!.email).toBe(contact.email);
    expect(data.contact!.id).toBe(contact.id);
    expect(data.conversation!.meta!.sender!.email).toBe(contact.email);
    expect(data.conversation!.meta!.assignee!.id).toBe(world.adminId);
    expect(data.conversation!.meta!.assignee!.email).toBe(DEMO_ADMIN.email);
    expect(data.currentAgent).toMatchObject({ id: world.adminId, email: DEMO_ADMIN.email });
    const contents = data.conversation!.messages!.map((m) => m.content);
    expect(contents.at(-1)).toBe(said.at(-1));
    for (const line of said) expect(contents).toContain(line);
    expect(data.conversation!.allMessagesLoaded).toBe(true);
    expect(data).toMatchObject({ locale: 'en', dir: 'ltr', account: { id: accountId() } });
    expect('token' in data).toBe(false);

    // Rule 5: the iframe's attributes.
    const iframe = page.locator('iframe[title="Orders"]');
    expect(await iframe.getAttribute('sandbox')).toBe(SANDBOX);
    expect(await iframe.getAttribute('referrerpolicy')).toBe('strict-origin-when-cross-origin');
    expect(await iframe.getAttribute('allow')).toBe('clipboard-write');
    expect(await iframe.getAttribute('src')).toBe(orders.content[0]!.url);
    expect(errors).toEqual([]);
  });

  it('answers both fetch-info keys at once, to the asking app only', async () => {
    const { page, errors } = await newPage();
    await openConversation(page, accountId(), world.first.conversation.id);
    const ordersFrame = await openApp(page, 'Orders');
    const crmFrame = await openApp(page, 'CRM');
    await receivedAtLeast(ordersFrame, 1);
    await receivedAtLeast(crmFrame, 1);
    await pause(300);
    const crmBefore = (await received(crmFrame)).length;
    const ordersBefore = (await received(ordersFrame)).length;

    await ordersFrame.evaluate((key) => window.fetchInfo!(key), FETCH_INFO);
    const afterOne = await receivedAtLeast(ordersFrame, ordersBefore + 1, 2_000);
    await ordersFrame.evaluate((key) => window.fetchInfo!(key), CHATWOOT_FETCH_INFO);
    const afterTwo = await receivedAtLeast(ordersFrame, ordersBefore + 2, 2_000);
    expect(afterOne.at(-1)!.data.data!.conversation!.id).toBe(world.first.conversation.id);
    expect(validate(afterTwo.at(-1)!.data)).toBe(true);

    await pause(500);
    expect((await received(crmFrame)).length).toBe(crmBefore);
    expect((await received(ordersFrame)).length).toBe(ordersBefore + 2);
    expect(errors).toEqual([]);
  });

  it('pushes a fresh context within 2 s of a new incoming message, unasked', async () => {
    const { page, errors } = await newPage();
    const { conversation } = world.first;
    await openConversation(page, accountId(), conversation.id);
    const frame = await openApp(page, 'Orders');
    await receivedAtLeast(frame, 1);
    // The realtime socket is up once the page has settled.
    await pause(1_000);
    const content = `Any news? ${Date.now()}`;
    const sentAt = Date.now();
    await world.api.post(`conversations/${conversation.id}/messages`, {
      content,
      message_type: 'incoming',
    });
    await frame.waitForFunction(
      (text) =>
        (window.received ?? []).some((r) =>
          (r.data.data?.conversation?.messages ?? []).some((m) => m.content === text),
        ),
      content,
      { timeout: 2_000 },
    );
    const list = await received(frame);
    const fresh = list.find((r) =>
      (r.data.data?.conversation?.messages ?? []).some((m) => m.content === content),
    )!;
    expect(fresh.at - sentAt).toBeLessThan(2_000);
    expect(validate(fresh.data), JSON.stringify(validate.errors)).toBe(true);
    const last = fresh.data.data!.conversation!.messages!.at(-1)!;
    expect(last).toMatchObject({ content, message_type: 0 });
    // The app never asked: the push came by itself.
    expect(await frame.evaluate(() => window.asked)).toBe(0);
    expect(errors).toEqual([]);
  });

  it('pushes a fresh context when status, priority, labels, attributes or the contact change', async () => {
    const { page, errors } = await newPage();
    const { conversation, contact } = world.second;
    await openConversation(page, accountId(), conversation.id);
    const frame = await openApp(page, 'Orders');
    await receivedAtLeast(frame, 1);
    await pause(1_000);
    const path = `conversations/${conversation.id}`;
    const newEmail = `edited-${Date.now()}@customers.test`;
    await world.api.post('labels', { title: 'host-vip' });

    const changes: [string, () => Promise<unknown>, (r: Received) => boolean][] = [
      [
        'status',
        () => world.api.post(`${path}/toggle_status`, { status: 'pending' }),
        (r) => r.data.data?.conversation?.status === 'pending',
      ],
      [
        'priority',
        () => world.api.post(`${path}/toggle_priority`, { priority: 'high' }),
        (r) => r.data.data?.conversation?.priority === 'high',
      ],
      [
        'labels',
        () => world.api.post(`${path}/labels`, { labels: ['host-vip'] }),
        (r) => JSON.stringify(r.data.data?.conversation?.labels ?? []).includes('host-vip'),
      ],
      [
        'custom attributes',
        () =>
          world.api.post(`${path}/custom_attributes`, { custom_attributes: { order: 'A-1001' } }),
        (r) =>
          JSON.stringify(r.data.data?.conversation?.custom_attributes ?? {}).includes('A-1001'),
      ],
      [
        'contact',
        () => world.api.request('PATCH', `contacts/${contact.id}`, { email: newEmail }),
        (r) => r.data.data?.contact?.email === newEmail,
      ],
    ];
    for (const [name, change, arrived] of changes) {
      const before = (await received(frame)).length;
      const startedAt = Date.now();
      await change();
      let list: Received[] = [];
      while (Date.now() - startedAt < 2_000) {
        list = (await received(frame)).slice(before);
        if (list.some(arrived)) break;
        await pause(50);
      }
      expect(list.some(arrived), `${name} reached the app within 2 s`).toBe(true);
      const fresh = list.find(arrived)!;
      expect(validate(fresh.data), `${name}: ${JSON.stringify(validate.errors)}`).toBe(true);
    }
    expect(await frame.evaluate(() => window.asked)).toBe(0);
    await world.api.post(`${path}/toggle_status`, { status: 'open' });
    expect(errors).toEqual([]);
  });

  it('sends a burst of changes at most four times a second, ending with the latest', async () => {
    const { page, errors } = await newPage();
    const { conversation } = world.second;
    await openConversation(page, accountId(), conversation.id);
    const frame = await openApp(page, 'Orders');
    await receivedAtLeast(frame, 1);
    await pause(1_000);
    const before = (await received(frame)).length;
    const burst = Array.from({ length: 16 }, (_, i) => `burst ${i} ${Date.now()}`);
    for (const content of burst) {
      void world.api.post(`conversations/${conversation.id}/messages`, {
        content,
        message_type: 'incoming',
      });
      await pause(40);
    }
    await frame.waitForFunction(
      (lines) =>
        (window.received ?? []).some((r) => {
          const got = (r.data.data?.conversation?.messages ?? []).map((m) => m.content);
          return lines.every((line) => got.includes(line));
        }),
      burst,
      { timeout: 5_000 },
    );
    await pause(1_000);
    const pushes = (await received(frame)).slice(before);
    const times = pushes.map((p) => p.perf);
    // Four per second, with a little room for delivery jitter between host and app.
    for (const start of times) {
      expect(times.filter((t) => t >= start && t < start + 950).length).toBeLessThanOrEqual(4);
    }
    // Fewer pushes than changes: the burst was coalesced, and the last push is the latest state.
    expect(pushes.length).toBeLessThan(burst.length);
    const last = pushes.at(-1)!.data.data!.conversation!.messages!.map((m) => m.content);
    for (const line of burst) expect(last).toContain(line);
    // Only appContext JSON strings ever reach an app.
    const everything = await frame.evaluate(() => window.everything ?? []);
    expect(everything.length).toBeGreaterThan(0);
    for (const item of everything) expect(item.startsWith('{"event":"appContext"')).toBe(true);
    expect(errors).toEqual([]);
  });

  it('sends nothing to a frame that navigated itself to another origin', async () => {
    const { page, errors } = await newPage();
    const { conversation } = world.first;
    await openConversation(page, accountId(), conversation.id);
    const frame = await openApp(page, 'CRM');
    await receivedAtLeast(frame, 1);

    const away = elsewhere.url('/app?name=impostor');
    await frame.evaluate((url) => {
      window.location.href = url;
    }, away);
    await frame.waitForURL(away);
    await frame.waitForFunction(() => Array.isArray(window.received));
    expect(await frame.evaluate(() => window.location.origin)).toBe(elsewhere.origin);

    await frame.evaluate((key) => window.fetchInfo!(key), FETCH_INFO);
    await frame.evaluate((key) => window.fetchInfo!(key), CHATWOOT_FETCH_INFO);
    // A context change would push to the frame: the browser drops it (wrong target origin).
    await world.api.post(`conversations/${conversation.id}/messages`, {
      content: `While you were away ${Date.now()}`,
      message_type: 'incoming',
    });
    await pause(2_000);
    expect(await received(frame)).toEqual([]);
    expect(errors.filter((e) => !/target origin/i.test(e))).toEqual([]);
  });

  it('ignores garbage from the app and from other windows, and keeps working', async () => {
    const { page, errors } = await newPage();
    await openConversation(page, accountId(), world.first.conversation.id);
    const frame = await openApp(page, 'Orders');
    await receivedAtLeast(frame, 1);
    await pause(300);
    const before = (await received(frame)).length;

    // From the app's own frame: everything but the two bare keys.
    await frame.evaluate((key) => {
      const parent = window.parent;
      const huge = key + 'x'.repeat(8 * 1024 * 1024);
      const junk: unknown[] = [
        'hello',
        '{"event":',
        JSON.stringify(key),
        JSON.stringify({ event: key }),
        ` ${key}`,
        key.toUpperCase(),
        huge,
        'y'.repeat(100_000),
        { event: key },
        [key],
        42,
        null,
        undefined,
        true,
        new Blob(['x']),
        new ArrayBuffer(16),
      ];
      for (const item of junk) parent.postMessage(item, '*');
    }, FETCH_INFO);

    // From the dashboard's own window, and from a frame of the app's origin that the dashboard
    // did not register (injected by someone): nothing answers them.
    await page.evaluate((key) => window.postMessage(key, '*'), FETCH_INFO);
    await page.evaluate((src) => {
      const intruder = document.createElement('iframe');
      intruder.src = src;
      intruder.title = 'intruder';
      document.body.append(intruder);
    }, apps.url('/app?name=intruder'));
    const intruder = await (await page
      .locator('iframe[title="intruder"]')
      .elementHandle())!.contentFrame();
    await intruder!.waitForFunction(() => Array.isArray(window.received));
    await intruder!.evaluate((key) => window.fetchInfo!(key), FETCH_INFO);

    await pause(1_000);
    expect((await received(frame)).length).toBe(before);
    expect(await received(intruder!)).toEqual([]);

    // Still answering, still usable.
    await frame.evaluate((key) => window.fetchInfo!(key), FETCH_INFO);
    await receivedAtLeast(frame, before + 1, 2_000);
    await page.getByRole('tab', { name: 'Messages', exact: true }).click();
    expect(
      await page.getByRole('tab', { name: 'Messages', exact: true }).getAttribute('aria-selected'),
    ).toBe('true');
    expect(errors).toEqual([]);
  });

  it('keeps frames (no reload) while switching tabs within a conversation', async () => {
    const { page, errors } = await newPage();
    await openConversation(page, accountId(), world.first.conversation.id);
    let frame = await openApp(page, 'Orders');
    await receivedAtLeast(frame, 1);
    const instance = await frame.evaluate(() => {
      window.marker = 'typed by the agent';
      return window.instanceId;
    });

    await page.getByRole('tab', { name: 'CRM', exact: true }).click();
    await page.getByRole('tab', { name: 'Messages', exact: true }).click();
    expect(await page.locator('iframe[title="Orders"]').isVisible()).toBe(false);
    await page.getByRole('tab', { name: 'Orders', exact: true }).click();
    expect(await page.locator('iframe[title="Orders"]').isVisible()).toBe(true);
    frame = await appFrame(page, 'Orders');
    expect(await frame.evaluate(() => [window.instanceId, window.marker])).toEqual([
      instance,
      'typed by the agent',
    ]);
    expect(await page.locator('iframe[title="Orders"]').count()).toBe(1);
    expect(errors).toEqual([]);
  });

  it("reloads apps for another conversation, with none of the previous customer's data", async () => {
    const { page, errors } = await newPage();
    const { first, second } = world;
    await openConversation(page, accountId(), first.conversation.id);
    const before = await openApp(page, 'Orders');
    await receivedAtLeast(before, 1);
    const firstInstance = await before.evaluate(() => window.instanceId);

    // Switch the way the agent does: the conversation list, no page load.
    await page
      .locator(`a[href$="${conversationPath(accountId(), second.conversation.id)}"]`)
      .first()
      .click();
    await page.waitForURL(`**${conversationPath(accountId(), second.conversation.id)}`);
    // The agent's chosen tab stays in front, with a fresh frame for the new conversation: the
    // previous conversation's frame is replaced, not reused.
    let after = before;
    await expect
      .poll(async () => {
        try {
          after = await appFrame(page, 'Orders');
          return await after.evaluate(() => window.instanceId);
        } catch {
          return firstInstance; // between the old frame and the new one
        }
      })
      .not.toBe(firstInstance);
    const ordersTab = page.getByRole('tab', { name: 'Orders', exact: true });
    expect(await ordersTab.getAttribute('aria-selected')).toBe('true');
    expect(await page.locator('iframe[title="Orders"]').count()).toBe(1);

    const list = await receivedAtLeast(after, 1);
    const data = list.at(-1)!.data.data!;
    expect(data.conversation!.id).toBe(second.conversation.id);
    const now = await world.api.request<{ payload: { email: string } }>(
      'GET',
      `contacts/${second.contact.id}`,
    );
    expect(data.contact!.email).toBe(now.payload.email);
    const everything = payloadText(list);
    expect(everything).not.toContain(first.contact.email!);
    for (const line of first.said) expect(everything).not.toContain(line);
    expect(errors).toEqual([]);
  });

  it('gives an app with a signing secret a server-signed token for the conversation', async () => {
    const { page, errors } = await newPage();
    const { conversation, contact } = world.first;
    await openConversation(page, accountId(), conversation.id);
    const frame = await openApp(page, 'Signed');
    const [first] = await receivedAtLeast(frame, 1);
    const token = first!.data.data!.token;
    expect(typeof token).toBe('string');
    const [header, body, signature] = token!.split('.');
    const expected = createHmac('sha256', signingSecret)
      .update(`${header}.${body}`)
      .digest('base64url');
    expect(signature).toBe(expected);
    const claims = JSON.parse(Buffer.from(body!, 'base64url').toString('utf8'));
    expect(claims).toMatchObject({
      aud: apps.origin,
      sub: String(world.adminId),
      account_id: accountId(),
      app_id: signed.id,
      conversation_id: conversation.id,
      contact_id: contact.id,
    });
    expect(claims.exp - claims.iat).toBeLessThanOrEqual(300);
    // Apps without a secret get no token (checked in the first test); this one's token is
    // for this app's origin only.
    expect(errors).toEqual([]);
  });

  it('shows Retry and Open in new tab when an app does not load within 15 s', async () => {
    const { page, errors } = await newPage();
    await openConversation(page, accountId(), world.first.conversation.id);
    await page.getByRole('tab', { name: 'Slow', exact: true }).click();
    const panel = page.getByRole('tabpanel', { name: 'Slow' });
    await panel.getByText('Loading Slow…').first().waitFor();
    const alert = panel.getByRole('alert');
    await alert.waitFor({ timeout: 20_000 });
    await alert.getByText('Slow is taking too long to load').waitFor();
    const open = alert.getByRole('link', { name: 'Open in new tab' });
    expect(await open.getAttribute('href')).toBe(apps.url('/slow'));
    expect(await open.getAttribute('target')).toBe('_blank');
    expect(await open.getAttribute('rel')).toContain('noopener');
    await alert.getByRole('button', { name: 'Retry' }).click();
    await panel.getByText('Loading Slow…').first().waitFor();
    expect(await panel.getByRole('alert').count()).toBe(0);
    expect(errors).toEqual([]);
  }, 45_000);

  it('labels the tabs in Arabic and moves with the arrows mirrored', async () => {
    const { page, errors } = await newPage('ar');
    await page.goto(conversationPath(accountId(), world.first.conversation.id));
    const messages = page.getByRole('tab', { name: 'الرسائل', exact: true });
    await messages.waitFor();
    const tablist = page.getByRole('tablist', { name: 'عروض المحادثة' });
    await messages.focus();
    const rtl = await tablist.evaluate((el) => getComputedStyle(el).direction === 'rtl');
    await page.keyboard.press(rtl ? 'ArrowLeft' : 'ArrowRight');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Orders');
    await page.keyboard.press('Enter');
    expect(await page.getByRole('tab', { name: 'Orders' }).getAttribute('aria-selected')).toBe(
      'true',
    );
    const frame = await appFrame(page, 'Orders');
    const [first] = await receivedAtLeast(frame, 1);
    expect(first!.data.data).toMatchObject({ locale: 'ar', dir: 'rtl' });
    expect(errors).toEqual([]);
  });
});
