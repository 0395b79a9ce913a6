/**
 * The order-history example inside the real dashboard: the demo seed registers it with a signing
 * secret, the server mints the context token, the app's backend verifies it. Dashboard on
 * http://localhost:<p1>, app on http://127.0.0.1:<p2>.
 */
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, BrowserContext, FrameLocator, Page, Request } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateOrders } from '../../examples/order-history/server/orders';
import { startOrderHistory, type RunningApp } from '../../examples/order-history/server/start';
import type { DashboardApp, Message } from '../../packages/protocol/src';
import { Api } from '../dashboard-apps-host/world';
import { launchBrowser, signInContext } from '../support/browser';
import { DEMO_ADMIN, startDashboard, type RunningDashboard } from '../support/dashboard';
import { freePort } from '../support/ports';
import { jwtClaims, newPage, openAppTab, openConversation } from './example-page';

const TITLE = 'Order history';
const LABEL = 'refund-requested';
const SHOTS = new URL('../../test-results/examples/', import.meta.url).pathname;
const SECRET = `order-history-e2e-${Date.now().toString(36)}-secret`;

interface DemoConversation {
  displayId: number;
  contactId: number;
  name: string;
  email: string;
}

interface OrdersBody {
  account_id: number;
  contact_id: number;
  orders: { number: string }[];
}

describe('Order history example in the dashboard', () => {
  let dashboard: RunningDashboard;
  let orderHistory: RunningApp;
  let browser: Browser;
  let session: Awaited<ReturnType<BrowserContext['storageState']>>;
  let appUrl: string;
  let target: DemoConversation;
  let api: Api;
  let app: DashboardApp;
  let adminName: string;
  const contexts: BrowserContext[] = [];
  // A fresh build of the current sources, apart from dist/ (which a running app may be serving).
  const webDir = mkdtempSync(join(tmpdir(), 'e2e-order-history-web-'));

  beforeAll(async () => {
    // The app's port is chosen first: the dashboard's seed registers its URL, and the app only
    // lets the dashboard's origin frame it.
    const appPort = await freePort();
    appUrl = `http://127.0.0.1:${appPort}`;
    const demoApps = [{ title: TITLE, url: `${appUrl}/`, secret: SECRET }];
    dashboard = await startDashboard({ demoApps });
    orderHistory = await startOrderHistory({
      port: appPort,
      host: '127.0.0.1',
      secret: SECRET,
      dashboardOrigins: [dashboard.url],
      issuer: dashboard.url,
      dbPath: ':memory:',
      build: 'always',
      webDir,
    });
    expect(orderHistory.url).toBe(appUrl);

    // A demo conversation whose contact has an email and a made-up history that is not empty.
    const rows = await dashboard.db
      .selectFrom('conversations')
      .innerJoin('contacts', 'contacts.id', 'conversations.contact_id')
      .select([
        'conversations.display_id as displayId',
        'contacts.id as contactId',
        'contacts.name as name',
        'contacts.email as email',
      ])
      .where('conversations.account_id', '=', dashboard.accountId)
      .where('contacts.email', 'is not', null)
      .where('contacts.name', 'is not', null)
      .orderBy('conversations.display_id')
      .execute();
    const found = rows.find((row) => row.email && generateOrders(row.email, Date.now()).length > 0);
    if (!found?.email || !found.name) throw new Error('no demo contact with orders');
    target = { ...found, email: found.email, name: found.name };

    mkdirSync(SHOTS, { recursive: true });
    const signedInApi = await Api.signIn(dashboard.url);
    api = signedInApi.api;
    adminName = signedInApi.name;
    // LABEL is one of the demo seed's labels: the example's button works on a fresh start.
    const apps = await api.request<DashboardApp[] | { payload: DashboardApp[] }>(
      'GET',
      'dashboard_apps',
    );
    const list = Array.isArray(apps) ? apps : apps.payload;
    app = list.find((candidate) => candidate.title === TITLE)!;

    browser = await launchBrowser();
    const signedIn = await signInContext(browser, dashboard.url, DEMO_ADMIN);
    session = await signedIn.storageState();
    await signedIn.close();
  });

  afterAll(async () => {
    for (const context of contexts) await context.close();
    await browser?.close();
    await orderHistory?.close();
    await dashboard?.close();
    rmSync(webDir, { recursive: true, force: true });
  });

  it("shows the conversation's contact and their orders, asked for with a Bearer token", async () => {
    const { context, page, errors } = await newPage(browser, dashboard.url, {
      storageState: session,
    });
    contexts.push(context);
    const apiRequests: Request[] = [];
    page.on('request', (request) => {
      if (request.url().startsWith(`${appUrl}/api/orders`)) apiRequests.push(request);
    });

    await openConversation(page, dashboard.accountId, target.displayId);
    const answered = page.waitForResponse((response) =>
      response.url().startsWith(`${appUrl}/api/orders`),
    );
    const frame = await openAppTab(page, TITLE);
    const response = await answered;
    expect(response.status()).toBe(200);
    const body = (await response.json()) as OrdersBody;
    expect(body).toMatchObject({ account_id: dashboard.accountId, contact_id: target.contactId });
    expect(body.orders.length).toBeGreaterThan(0);

    await expect
      .poll(() => frame.getByTestId('orders-title').textContent(), { timeout: 10_000 })
      .toBe(`Orders of ${target.name}`);
    const numbers = await frame.getByTestId('order-number').allInnerTexts();
    expect(numbers).toEqual(body.orders.map((order) => order.number));
    expect(numbers).toEqual(generateOrders(target.email, Date.now()).map((o) => o.number));

    // The frame asked its own backend with the dashboard's token, minted for this app and
    // this conversation.
    expect(apiRequests.length).toBeGreaterThan(0);
    for (const request of apiRequests) {
      const authorization = (await request.allHeaders()).authorization ?? '';
      expect(authorization).toMatch(/^Bearer [\w-]+\.[\w-]+\.[\w-]+$/);
      const claims = jwtClaims(authorization.slice('Bearer '.length));
      expect(claims).toMatchObject({
        iss: dashboard.url,
        aud: appUrl,
        account_id: dashboard.accountId,
        contact_id: target.contactId,
        conversation_id: target.displayId,
      });
    }
    // The email the page sends is only a hint for made-up history; it is the conversation's.
    const hinted = new URL(apiRequests[0]!.url()).searchParams.get('email');
    expect(hinted).toBe(target.email);
    expect(errors).toEqual([]);
  });

  it('opened on its own, shows only the "inside the dashboard" message and no customer data', async () => {
    // Even in the agent's signed-in browser: the app has no token, so it has nothing to show.
    const { context, page, errors } = await newPage(browser, dashboard.url, {
      storageState: session,
    });
    contexts.push(context);
    const apiRequests: string[] = [];
    page.on('request', (request) => {
      if (request.url().startsWith(`${appUrl}/api/`)) apiRequests.push(request.url());
    });
    await page.goto(`${appUrl}/`);
    const notice = page.getByTestId('outside');
    await notice.waitFor();
    expect(await notice.innerText()).toContain('This app only works inside the Bevatel dashboard');
    const text = await page.locator('body').innerText();
    expect(text).not.toContain(target.name);
    expect(text).not.toContain(target.email);
    expect(text).not.toMatch(/BV-\d{6}-\d{4}/);
    expect(await page.getByTestId('order-number').count()).toBe(0);
    expect(apiRequests).toEqual([]);
    expect(errors).toEqual([]);
  });

  it('answers 401 to GET /api/orders without a valid token, with no data', async () => {
    const query = `email=${encodeURIComponent(target.email)}`;
    const attempts: Record<string, string>[] = [
      {},
      { authorization: 'Bearer not-a-token' },
      { authorization: `Basic ${Buffer.from('admin:admin').toString('base64')}` },
    ];
    for (const headers of attempts) {
      const response = await fetch(`${appUrl}/api/orders?${query}`, { headers });
      expect(response.status).toBe(401);
      expect(response.headers.get('www-authenticate')).toMatch(/^Bearer/);
      const text = await response.text();
      expect(JSON.parse(text)).toMatchObject({ error: 'unauthorized', statusCode: 401 });
      expect(text).not.toContain(target.email);
      expect(text).not.toMatch(/BV-\d{6}-\d{4}/);
    }
  });
  /** The permissions the administrator granted the example (they apply from its next hello). */
  const grant = (permissions: string[]) =>
    api.request('PATCH', `dashboard_apps/${app.id}`, { permissions });
  const thread = async () =>
    (await api.request<{ payload: Message[] }>('GET', `conversations/${target.displayId}/messages`))
      .payload;
  const labelsNow = async () =>
    (await api.request<{ labels: string[] }>('GET', `conversations/${target.displayId}`)).labels;

  /** The conversation with the example's tab open and its orders shown. */
  async function openOrders(
    options: { locale?: string; viewport?: { width: number; height: number } } = {},
  ): Promise<{ page: Page; frame: FrameLocator; errors: string[] }> {
    const { context, page, errors } = await newPage(browser, dashboard.url, {
      storageState: session,
      locale: options.locale,
    });
    contexts.push(context);
    if (options.viewport) await page.setViewportSize(options.viewport);
    await page.goto(`/app/accounts/${dashboard.accountId}/conversations/${target.displayId}`);
    const messagesTab = options.locale === 'ar' ? 'الرسائل' : 'Messages';
    await page.getByRole('tab', { name: messagesTab, exact: true }).waitFor();
    const frame = await openAppTab(page, TITLE);
    await frame.getByTestId('order').first().waitFor({ timeout: 15_000 });
    return { page, frame, errors };
  }

  /** Waits for what the app says beside the button (a string: contained in it). */
  const expectOutcome = async (
    frame: FrameLocator,
    scope: 'label' | number,
    expected: string | RegExp,
  ) => {
    const place =
      scope === 'label'
        ? frame.locator('.label-action')
        : frame.getByTestId('order').nth(scope).locator('.order-actions');
    const outcome = place.getByTestId('action-outcome');
    await expect
      .poll(async () => ((await outcome.isVisible()) ? await outcome.innerText() : ''), {
        timeout: 10_000,
      })
      .toMatch(expected);
  };

  it('explains which permission to ask for when the administrator has not granted an action', async () => {
    await grant([]);
    const { page, frame, errors } = await openOrders();
    const before = { thread: (await thread()).length, labels: await labelsNow() };

    await frame.getByRole('button', { name: `Add label ${LABEL}` }).click();
    await expectOutcome(
      frame,
      'label',
      'Order history may not do this yet. Ask an administrator to allow “Add and remove conversation labels” (labels:write) for Order history in Settings › Integrations › Dashboard Apps.',
    );
    const first = frame.getByTestId('order').first();
    await first.getByRole('button', { name: 'Insert order status into reply' }).click();
    await expectOutcome(
      frame,
      0,
      "“Put text into the agent's reply box (the agent still reviews and sends it)” (composer:write)",
    );
    await first.getByRole('button', { name: 'Add a note' }).click();
    await expectOutcome(frame, 0, '“Add private notes to the conversation” (notes:write)');
    await page.screenshot({ path: `${SHOTS}order-history-permission-denied-en.png` });

    // Nothing happened in the conversation.
    await page.getByRole('tab', { name: 'Messages', exact: true }).click();
    expect(await page.getByRole('textbox', { name: 'Your reply' }).inputValue()).toBe('');
    expect((await thread()).length).toBe(before.thread);
    expect(await labelsNow()).toEqual(before.labels);
    expect(errors).toEqual([]);
  });

  it('puts the order status into the reply box, adds the label and a note, each seen in the dashboard', async () => {
    await grant(['composer:write', 'labels:write', 'notes:write']);
    const { page, frame, errors } = await openOrders();
    const before = (await thread()).length;
    const first = frame.getByTestId('order').first();
    const number = await first.getByTestId('order-number').innerText();

    // The reply: the app fills the tab, so the text waits in the draft until Messages.
    await first.getByRole('button', { name: 'Insert order status into reply' }).click();
    await expectOutcome(
      frame,
      0,
      'Added to your reply: open Messages to review it and send it yourself.',
    );
    await page.screenshot({ path: `${SHOTS}order-history-actions-en.png` });
    await page.getByRole('tab', { name: 'Messages', exact: true }).click();
    const reply = await page.getByRole('textbox', { name: 'Your reply' }).inputValue();
    expect(reply).toMatch(new RegExp(`^Your order ${number} of .+\\(SAR\\s?[\\d,.]+\\)`));
    await page.screenshot({ path: `${SHOTS}order-history-reply-en.png` });
    expect((await thread()).length).toBe(before); // never sent by the app

    // The label: a chip in the conversation's header, and an activity naming the app.
    await page.getByRole('tab', { name: TITLE, exact: true }).click();
    await frame.getByRole('button', { name: `Add label ${LABEL}` }).click();
    await expectOutcome(frame, 'label', `Label ${LABEL} added to the conversation.`);
    await page.locator('.conversation-header').getByText(LABEL, { exact: true }).waitFor();
    expect(await labelsNow()).toContain(LABEL);

    // The note: a private note in the thread, carrying the app's id.
    await first.getByRole('button', { name: 'Add a note' }).click();
    await expectOutcome(frame, 0, 'Private note added to the conversation.');
    await page.getByRole('tab', { name: 'Messages', exact: true }).click();
    const messages = page.locator('.messages-scroll');
    await messages.getByText(`Order history: ${number} ·`).waitFor();
    await messages
      .getByText(`Order history added the label ${LABEL} for ${adminName}`)
      .first()
      .waitFor();
    await messages.getByText(`Order history: ${number} ·`).scrollIntoViewIfNeeded();
    await page.screenshot({ path: `${SHOTS}order-history-note-en.png` });
    const note = (await thread()).find((m) => m.content?.startsWith(`Order history: ${number} ·`));
    expect(note).toMatchObject({ private: true, content_attributes: { app_id: app.id } });
    // The reply the app put there is still the agent's to send.
    expect(await page.getByRole('textbox', { name: 'Your reply' }).inputValue()).toBe(reply);
    expect(errors).toEqual([]);
    await api.post(`conversations/${target.displayId}/labels`, { remove: [LABEL] });
  });

  it('speaks Arabic right to left, and fits a phone', async () => {
    await grant(['composer:write', 'labels:write', 'notes:write']);
    const { page, frame, errors } = await openOrders({ locale: 'ar' });
    const number = await frame.getByTestId('order-number').first().textContent();
    const first = frame.getByTestId('order').first();
    await first.getByRole('button', { name: 'إدراج حالة الطلب في الرد' }).click();
    await expectOutcome(frame, 0, 'أُضيف النص إلى ردّك: افتح الرسائل لمراجعته وإرساله بنفسك.');
    expect(await frame.locator('html').getAttribute('dir')).toBe('rtl');
    await page.screenshot({ path: `${SHOTS}order-history-actions-ar.png` });
    await page.getByRole('tab', { name: 'الرسائل', exact: true }).click();
    expect(await page.locator('.reply-box textarea').inputValue()).toContain(number!);
    await page.screenshot({ path: `${SHOTS}order-history-reply-ar.png` });
    expect(errors).toEqual([]);

    await grant([]);
    const phone = await openOrders({ viewport: { width: 390, height: 844 } });
    await phone.frame.getByRole('button', { name: `Add label ${LABEL}` }).click();
    await expectOutcome(phone.frame, 'label', '(labels:write)');
    await phone.page.screenshot({ path: `${SHOTS}order-history-phone.png` });
    expect(phone.errors).toEqual([]);
  });
  it('is granted what it asks for by an administrator in Settings, from its next hello on', async () => {
    await grant([]);
    const { context, page, errors } = await newPage(browser, dashboard.url, {
      storageState: session,
    });
    contexts.push(context);
    await page.goto(`/app/accounts/${dashboard.accountId}/settings/integrations/dashboard_apps`);
    const row = page.getByRole('row', { name: new RegExp(TITLE) });
    await row.getByText('Only shows information').waitFor();
    await page.getByRole('button', { name: `Edit ${TITLE}` }).click();
    const dialog = page.getByRole('dialog', { name: 'Edit dashboard app' });
    // The words the app's explanation quoted, each with its technical name.
    const wanted = [
      ['Add and remove conversation labels', 'labels:write'],
      [
        "Put text into the agent's reply box (the agent still reviews and sends it)",
        'composer:write',
      ],
      ['Add private notes to the conversation', 'notes:write'],
    ] as const;
    for (const [words, name] of wanted) {
      const box = dialog.getByRole('checkbox', { name: `${words} ${name}` });
      expect(await box.isChecked(), name).toBe(false);
      await box.check();
    }
    await page.screenshot({ path: `${SHOTS}order-history-consent-en.png` });
    await dialog.getByRole('button', { name: 'Save' }).click();
    await dialog.waitFor({ state: 'detached' });
    const grants = page.getByRole('list', { name: `What ${TITLE} may do` });
    for (const short of ['Changes labels', 'Writes in the reply box', 'Adds private notes']) {
      await grants.getByText(short, { exact: true }).waitFor();
    }
    const stored = await api.request<DashboardApp>('GET', `dashboard_apps/${app.id}`);
    expect([...stored.permissions].sort()).toEqual([
      'composer:write',
      'labels:write',
      'notes:write',
    ]);

    // The app's next hello (a new page) gets them: the label goes on.
    const orders = await openOrders();
    await orders.frame.getByRole('button', { name: `Add label ${LABEL}` }).click();
    await expectOutcome(orders.frame, 'label', `Label ${LABEL} added to the conversation.`);
    expect(await labelsNow()).toContain(LABEL);
    await api.post(`conversations/${target.displayId}/labels`, { remove: [LABEL] });
    expect([...errors, ...orders.errors]).toEqual([]);

    // The same form in Arabic, right to left.
    const arabic = await newPage(browser, dashboard.url, { storageState: session, locale: 'ar' });
    contexts.push(arabic.context);
    await arabic.page.goto(
      `/app/accounts/${dashboard.accountId}/settings/integrations/dashboard_apps`,
    );
    await arabic.page.getByRole('button', { name: `تعديل ${TITLE}` }).click();
    const form = arabic.page.getByRole('dialog');
    await form
      .getByRole('checkbox', { name: 'إضافة وسوم المحادثة وإزالتها labels:write' })
      .waitFor();
    expect(await form.evaluate((el) => getComputedStyle(el).direction)).toBe('rtl');
    await arabic.page.screenshot({ path: `${SHOTS}order-history-consent-ar.png` });
    expect(arabic.errors).toEqual([]);
  });
});
