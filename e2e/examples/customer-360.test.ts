/**
 * The customer-360 example inside the real dashboard (http://localhost:<p1>), served from its own
 * origin (http://127.0.0.1:<p2>) and registered through the API the way an administrator would.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { customerSummary } from '../../examples/customer-360/server/crm';
import { startCustomer360, type RunningApp } from '../../examples/customer-360/server/start';
import { createWorld, registerApp, type HostWorld } from '../dashboard-apps-host/world';
import { launchBrowser, signInContext } from '../support/browser';
import { DEMO_ADMIN, startDashboard, type RunningDashboard } from '../support/dashboard';
import { freePort } from '../support/ports';
import { newPage, openAppTab, openConversation, pause } from './example-page';

const TITLE = 'Customer 360';
const SHOTS = new URL('../../test-results/examples/', import.meta.url).pathname;

describe('Customer 360 example in the dashboard', () => {
  let dashboard: RunningDashboard;
  let customer360: RunningApp;
  let browser: Browser;
  let world: HostWorld;
  let session: Awaited<ReturnType<BrowserContext['storageState']>>;
  const contexts: BrowserContext[] = [];

  beforeAll(async () => {
    dashboard = await startDashboard({ demoApps: [] });
    customer360 = await startCustomer360({
      port: 0,
      host: '127.0.0.1',
      dashboardOrigins: [dashboard.url],
    });
    world = await createWorld(dashboard.url);
    await registerApp(world.api, TITLE, `${customer360.url}/`);
    browser = await launchBrowser();
    const signedIn = await signInContext(browser, dashboard.url, DEMO_ADMIN);
    session = await signedIn.storageState();
    await signedIn.close();
  });

  afterAll(async () => {
    for (const context of contexts) await context.close();
    await browser?.close();
    await customer360?.close();
    await dashboard?.close();
  });

  it("shows the conversation's contact and display id, and a new incoming message within 2 s", async () => {
    const { context, page, errors } = await newPage(browser, dashboard.url, {
      storageState: session,
    });
    contexts.push(context);
    const { contact, conversation, said } = world.first;
    await openConversation(page, world.api.accountId, conversation.id);
    const frame = await openAppTab(page, TITLE);

    const name = frame.getByTestId('contact-name');
    await name.waitFor({ timeout: 10_000 });
    expect(await name.innerText()).toBe(contact.name);
    expect(await frame.getByTestId('contact-email').innerText()).toBe(contact.email);
    expect(await frame.getByTestId('conversation-id').innerText()).toBe(
      `Conversation #${conversation.id}`,
    );
    const bodies = frame.getByTestId('message-body');
    expect(await bodies.allInnerTexts()).toEqual(said);

    // The realtime socket is up once the page has settled.
    await pause(1_000);
    const content = `Is it shipped yet? ${Date.now()}`;
    const sentAt = Date.now();
    await world.api.post(`conversations/${conversation.id}/messages`, {
      content,
      message_type: 'incoming',
    });
    const fresh = frame.getByTestId('message').filter({ hasText: content });
    await fresh.waitFor({ timeout: 2_000 });
    expect(Date.now() - sentAt).toBeLessThan(2_000);
    expect(await fresh.getAttribute('data-kind')).toBe('incoming');
    expect(await bodies.allInnerTexts()).toEqual([...said, content]);
    // The rest of the view was rebuilt from the same conversation.
    expect(await name.innerText()).toBe(contact.name);
    expect(errors).toEqual([]);
  });
});

describe('Customer 360 with a signing secret, in the dashboard', () => {
  let dashboard: RunningDashboard;
  let customer360: RunningApp;
  let browser: Browser;
  let world: HostWorld;
  const contexts: BrowserContext[] = [];

  beforeAll(async () => {
    dashboard = await startDashboard({ demoApps: [] });
    world = await createWorld(dashboard.url);
    // The admin registers the app and generates its secret; the app's server is given it.
    const port = await freePort();
    const app = await registerApp(world.api, TITLE, `http://127.0.0.1:${port}/`);
    const { secret } = await world.api.post<{ secret: string }>(
      `dashboard_apps/${app.id}/secret`,
      {},
    );
    customer360 = await startCustomer360({
      port,
      host: '127.0.0.1',
      secret,
      dashboardOrigins: [dashboard.url],
    });
    browser = await launchBrowser();
  });

  afterAll(async () => {
    for (const context of contexts) await context.close();
    await browser?.close();
    await customer360?.close();
    await dashboard?.close();
  });

  it('shows the CRM figures of the contact the server-signed token names', async () => {
    const signedIn = await signInContext(browser, dashboard.url, DEMO_ADMIN);
    const { context, page, errors } = await newPage(browser, dashboard.url, {
      storageState: await signedIn.storageState(),
    });
    await signedIn.close();
    contexts.push(context);
    const { contact, conversation } = world.first;
    await openConversation(page, world.api.accountId, conversation.id);
    const frame = await openAppTab(page, TITLE);
    const expected = customerSummary(
      `${world.api.accountId}:${contact.id}`,
      Math.floor(Date.now() / 1000),
    );
    const sar = new Intl.NumberFormat('en', { style: 'currency', currency: 'SAR' });
    const value = frame.getByTestId('lifetime-value');
    await value.waitFor({ timeout: 10_000 });
    expect(await value.innerText()).toBe(sar.format(expected.lifetime_value_halalas / 100));
    expect(await frame.getByTestId('orders-count').innerText()).toBe(String(expected.orders_count));
    mkdirSync(SHOTS, { recursive: true });
    await page.screenshot({ path: join(SHOTS, 'customer-360-crm-en.png') });
    expect(errors).toEqual([]);
  });
});
