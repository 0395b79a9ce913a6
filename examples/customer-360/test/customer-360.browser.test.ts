/**
 * The app in real Chromium, framed by a stand-in dashboard on another origin
 * (http://localhost:<p1> embedding http://127.0.0.1:<p2>), fed appContext JSON strings.
 */
import { signContextToken } from '@bevatel/dashboard-app-sdk/server';
import { mkdirSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Frame, Page } from 'playwright-core';
import { customerSummary } from '../server/crm';
import { startCustomer360 } from '../server/start';
import type { RunningApp } from '../server/start';
import { launchChromium } from './browser';
import { startStandInHost } from './host';
import type { StandInHost } from './host';
import { appContextMessage, sampleContext } from './fixture';

let host: StandInHost;
let app: RunningApp;
let browser: Browser;

beforeAll(async () => {
  host = await startStandInHost();
  app = await startCustomer360({ port: 0, dashboardOrigins: [host.origin] });
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await app?.close();
  await host?.close();
});

async function openInHost(page: Page): Promise<Frame> {
  await page.goto(host.pageFor(`${app.url}/`));
  const handle = await page.waitForSelector('iframe#app');
  const frame = await handle.contentFrame();
  if (!frame) throw new Error('the app frame did not load');
  await frame.waitForSelector('[data-testid="state"]');
  return frame;
}

const SECRET = 'customer-360-browser-secret-0123456789';
const SHOTS = new URL('../../../test-results/screenshots/', import.meta.url);

/** A context token as the dashboard's server signs it for `appUrl`, naming `contactId`. */
function tokenFor(appUrl: string, contactId: number): string {
  const now = Math.floor(Date.now() / 1000);
  return signContextToken(
    {
      iss: host.origin,
      aud: new URL(appUrl).origin,
      sub: '7',
      account_id: 1,
      app_id: 1,
      conversation_id: 17,
      contact_id: contactId,
      inbox_id: 1,
      role: 'agent',
      iat: now,
      exp: now + 300,
      jti: `0f1e2d3c-4b5a-4968-8776-${String(contactId).padStart(12, '0')}`,
    },
    SECRET,
  );
}

function post(page: Page, message: string): Promise<void> {
  return page.evaluate((json) => {
    (window as unknown as { postContext(message: string): void }).postContext(json);
  }, message);
}

function textOf(frame: Frame, testid: string): Promise<string> {
  return frame.locator(`[data-testid="${testid}"]`).first().innerText();
}

async function waitForText(frame: Frame, testid: string, expected: string): Promise<void> {
  await frame.waitForFunction(
    ([id, text]) => document.querySelector(`[data-testid="${id}"]`)?.textContent === text,
    [testid, expected] as const,
  );
}

describe('customer-360 inside a dashboard', () => {
  it('waits, renders the contact card and the last messages, and follows every new context', async () => {
    const page = await browser.newPage();
    const frame = await openInHost(page);
    expect(await textOf(frame, 'state')).toContain('Waiting for the conversation');

    await post(page, appContextMessage(sampleContext()));
    await waitForText(frame, 'contact-name', 'Layla Haddad');
    expect(await textOf(frame, 'contact-email')).toBe('layla@example.com');
    expect(await textOf(frame, 'contact-phone')).toBe('+966 50 123 4567');
    expect(await textOf(frame, 'contact-company')).toBe('Haddad Trading');
    expect(await textOf(frame, 'avatar-initials')).toBe('LH');
    expect(await textOf(frame, 'social-profiles')).toContain('github: layla');
    expect(await textOf(frame, 'custom-attributes')).toContain('gold');
    expect(await textOf(frame, 'conversation-id')).toBe('Conversation #17');
    expect(await textOf(frame, 'conversation-status')).toBe('Open');
    expect(await textOf(frame, 'conversation-priority')).toBe('High');
    expect(await textOf(frame, 'conversation-assignee')).toBe('Omar');
    expect(await textOf(frame, 'conversation-labels')).toContain('vip');

    // The last five messages people wrote, oldest first; the activity line is left out.
    const bodies = await frame.locator('[data-testid="message-body"]').allInnerTexts();
    expect(bodies).toEqual([
      'Hello, my order has not arrived',
      'Sorry to hear that! Let me check.',
      'Courier says Thursday',
      'It is on its way, arriving Thursday.',
      'Thank you!',
    ]);
    const kinds = await frame
      .locator('[data-testid="message"]')
      .evaluateAll((items) => items.map((item) => item.getAttribute('data-kind')));
    expect(kinds).toEqual(['incoming', 'outgoing', 'note', 'outgoing', 'incoming']);

    // A second context (new message, another language and theme) replaces the view.
    const second = sampleContext({
      locale: 'ar',
      theme: 'dark',
      labels: ['refund'],
      contact: { name: 'Sami Nasser', email: 'sami@example.com' },
      messages: [{ content: 'أين طلبي؟', type: 'incoming' }],
    });
    await post(page, appContextMessage(second));
    await waitForText(frame, 'contact-name', 'Sami Nasser');
    expect(await frame.locator('[data-testid="message-body"]').allInnerTexts()).toEqual([
      'أين طلبي؟',
    ]);
    expect(await textOf(frame, 'conversation-status')).toBe('مفتوحة');
    expect(await textOf(frame, 'conversation-labels')).toBe('refund');
    const presentation = await frame.evaluate(() => ({
      dir: document.documentElement.dir,
      lang: document.documentElement.lang,
      theme: document.documentElement.dataset.theme,
    }));
    expect(presentation).toEqual({ dir: 'rtl', lang: 'ar', theme: 'dark' });

    // Refresh asks the host (fetch-info) and shows what it answers.
    await frame.click('[data-testid="refresh"]');
    await page.waitForFunction(
      () => (window as unknown as { fetchRequests: number }).fetchRequests > 0,
    );
    await waitForText(frame, 'refresh', 'تحديث');
    expect(await textOf(frame, 'contact-name')).toBe('Sami Nasser');
    await page.close();
  });

  it('shows what the CRM knows of the contact the signed token names, once per contact', async () => {
    const signed = await startCustomer360({
      port: 0,
      secret: SECRET,
      dashboardOrigins: [host.origin],
    });
    try {
      const page = await browser.newPage({ viewport: { width: 900, height: 900 } });
      let asked = 0;
      page.on('request', (request) => {
        if (request.url().endsWith('/api/summary')) asked += 1;
      });
      await page.goto(host.pageFor(`${signed.url}/`));
      const frame = (await (await page.waitForSelector('iframe#app')).contentFrame())!;
      await frame.waitForSelector('[data-testid="state"]');
      const base = sampleContext();
      await post(
        page,
        appContextMessage({ ...base, token: tokenFor(signed.url, base.contact.id) }),
      );
      const expected = customerSummary(`1:${base.contact.id}`, Math.floor(Date.now() / 1000));
      const sar = new Intl.NumberFormat('en', { style: 'currency', currency: 'SAR' });
      await waitForText(frame, 'lifetime-value', sar.format(expected.lifetime_value_halalas / 100));
      expect(await textOf(frame, 'orders-count')).toBe(String(expected.orders_count));
      expect(await textOf(frame, 'tickets-this-year')).toBe(String(expected.tickets_this_year));
      if (expected.last_order) {
        expect(await textOf(frame, 'last-order')).toContain(expected.last_order.number);
      }
      // A new message is a new context, not a new customer: the CRM is not asked again.
      const later = sampleContext({ messages: [{ content: 'One more thing', type: 'incoming' }] });
      await post(
        page,
        appContextMessage({ ...later, token: tokenFor(signed.url, base.contact.id) }),
      );
      await frame.getByText('One more thing').waitFor();
      expect(asked).toBe(1);
      mkdirSync(SHOTS, { recursive: true });
      await page.screenshot({ path: new URL('customer-360-value-en.png', SHOTS).pathname });

      // Another contact, in Arabic: asked again, figures in Arabic digits.
      const other = sampleContext({ locale: 'ar', contact: { id: 9001, name: 'سامي ناصر' } });
      await post(page, appContextMessage({ ...other, token: tokenFor(signed.url, 9001) }));
      const otherSummary = customerSummary('1:9001', Math.floor(Date.now() / 1000));
      const arabic = new Intl.NumberFormat('ar');
      await waitForText(frame, 'orders-count', arabic.format(otherSummary.orders_count));
      expect(asked).toBe(2);
      await page.screenshot({ path: new URL('customer-360-value-ar.png', SHOTS).pathname });

      // Without a token (the app has no signing secret) it says what is needed, nothing else.
      await post(page, appContextMessage(sampleContext({ contact: { id: 9002 } })));
      await waitForText(
        frame,
        'value-state',
        'CRM figures need a signed context: an administrator gives this app a signing secret.',
      );
      await page.close();
    } finally {
      await signed.close();
    }
  });

  it('shows customer text as text, never as markup', async () => {
    const page = await browser.newPage();
    const frame = await openInHost(page);
    const hostile = '<img src=x onerror="window.__pwned=1">Eve';
    const context = sampleContext({
      contact: {
        name: hostile,
        thumbnail: 'javascript:window.__pwned=2',
        custom_attributes: { note: '<script>window.__pwned=3</script>' },
      },
      messages: [
        { content: '<b>bold</b> & <a href="javascript:alert(1)">link</a>', type: 'incoming' },
      ],
    });
    await post(page, appContextMessage(context));
    await waitForText(frame, 'contact-name', hostile);
    expect(await textOf(frame, 'message-body')).toBe(
      '<b>bold</b> & <a href="javascript:alert(1)">link</a>',
    );
    expect(await textOf(frame, 'custom-attributes')).toContain('<script>window.__pwned=3</script>');
    const injected = await frame.evaluate(() => ({
      pwned: (window as unknown as { __pwned?: number }).__pwned ?? null,
      images: document.querySelectorAll('main img').length,
      scripts: document.querySelectorAll('main script, main b, main a[href^="javascript"]').length,
    }));
    expect(injected).toEqual({ pwned: null, images: 0, scripts: 0 });
    await page.close();
  });

  it('ignores a context posted by a page that is not its parent', async () => {
    const page = await browser.newPage();
    const frame = await openInHost(page);
    // The app posts to itself: same origin, but not the embedding dashboard.
    await frame.evaluate(
      (json) => window.postMessage(json, '*'),
      appContextMessage(sampleContext({ contact: { name: 'Mallory' } })),
    );
    await frame.waitForTimeout(200);
    expect(await textOf(frame, 'state')).toContain('Waiting for the conversation');
    await page.close();
  });
});

describe('customer-360 opened on its own', () => {
  it('asks to be opened inside the dashboard and shows no customer data', async () => {
    const page = await browser.newPage();
    await page.goto(`${app.url}/`);
    await page.waitForSelector('[data-testid="state"]');
    expect(await page.locator('[data-testid="state"]').innerText()).toContain(
      'Open this app inside the Bevatel dashboard',
    );
    expect(await page.locator('[data-testid="contact-card"]').count()).toBe(0);
    await page.close();
  });
});
