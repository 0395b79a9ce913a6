/**
 * The SDK's simulator (the stand-in dashboard an app developer runs) framing the customer-360
 * example: simulator on http://localhost:<p1>, app on http://127.0.0.1:<p2>.
 */
import type { Browser, BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startCustomer360, type RunningApp } from '../../examples/customer-360/server/start';
import {
  createSampleContext,
  startSimulator,
  type RunningSimulator,
} from '../../packages/sdk/src/simulator';
import { launchBrowser } from '../support/browser';
import { freePort } from '../support/ports';
import { newPage } from './example-page';

describe('Simulator with the Customer 360 example', () => {
  let customer360: RunningApp;
  let simulator: RunningSimulator;
  let browser: Browser;
  const contexts: BrowserContext[] = [];

  beforeAll(async () => {
    // The simulator's port first: the app only lets that origin frame it (and post to it).
    const simulatorPort = await freePort();
    customer360 = await startCustomer360({
      port: 0,
      host: '127.0.0.1',
      dashboardOrigins: [`http://localhost:${simulatorPort}`],
    });
    simulator = await startSimulator({ appUrl: `${customer360.url}/`, port: simulatorPort });
    expect(simulator.url).toBe(`http://localhost:${simulatorPort}`);
    browser = await launchBrowser();
  });

  afterAll(async () => {
    for (const context of contexts) await context.close();
    await browser?.close();
    await simulator?.close();
    await customer360?.close();
  });

  it("renders the sample contact, then follows the simulator's language and conversation", async () => {
    const { context, page, errors } = await newPage(browser, simulator.url);
    contexts.push(context);
    await page.goto('/');
    const frame = page.frameLocator('iframe#app-frame');

    const sample = createSampleContext();
    const name = frame.getByTestId('contact-name');
    await name.waitFor({ timeout: 10_000 });
    expect(await name.innerText()).toBe(sample.contact.name);
    expect(await frame.getByTestId('contact-email').innerText()).toBe(sample.contact.email);
    expect(await frame.getByTestId('conversation-id').innerText()).toBe(
      `Conversation #${sample.conversation.id}`,
    );
    expect(await frame.locator('html').getAttribute('dir')).toBe('ltr');

    // Arabic: the simulator pushes a new context with locale ar and dir rtl.
    await page.locator('#locale').selectOption('ar');
    await frame.locator('html[dir="rtl"][lang="ar"]').waitFor({ state: 'attached' });
    await frame.getByRole('heading', { name: 'العميل 360', level: 1 }).waitFor();
    expect(await name.innerText()).toBe(sample.contact.name);

    // Another conversation: the simulator reloads the app with that customer.
    await page.locator('#conversation').selectOption('warranty-mixed');
    const other = createSampleContext({ conversation: 'warranty-mixed', locale: 'ar' });
    expect(other.contact.name).not.toBe(sample.contact.name);
    await frame
      .getByTestId('contact-name')
      .filter({ hasText: other.contact.name ?? '' })
      .waitFor();
    expect(await frame.getByTestId('contact-email').innerText()).toBe(other.contact.email);
    expect(await frame.getByTestId('conversation-id').innerText()).toBe(
      `المحادثة #${other.conversation.id}`,
    );
    // Fresh state per customer: nothing of the previous one stays in the frame.
    expect(await frame.locator('body').innerText()).not.toContain(sample.contact.email ?? '');
    expect(errors).toEqual([]);
  });
});
