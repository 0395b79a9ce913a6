/**
 * The SDK in real Chromium, across origins: host on http://localhost:<p1>, app on
 * http://127.0.0.1:<p2> (another site, so an out-of-process frame), loading the IIFE bundle.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Frame, Page } from 'playwright-core';
import type { DashboardAppConnection } from '../src/index';
import type * as GlobalApi from '../src/global';
import { createSampleContext } from '../src/simulator/sample-context';
import { launchChromium } from './helpers/browser';
import { buildGlobalBundle } from './helpers/bundle';
import { appPage, hostPage, siblingPage } from './helpers/pages';
import { closeAll, startServer } from './helpers/servers';
import type { TestServer } from './helpers/servers';

let browser: Browser;
let context: BrowserContext;
let host: TestServer;
let app: TestServer;

beforeAll(async () => {
  const sdk = await buildGlobalBundle();
  const sample = createSampleContext({ now: 1_767_225_600 });
  host = await startServer(
    { '/host.html': { body: hostPage(sample) }, '/sibling.html': { body: siblingPage } },
    'localhost',
  );
  app = await startServer({
    '/app.html': { body: appPage },
    '/sdk.js': { body: sdk, type: 'text/javascript' },
  });
  browser = await launchChromium();
  context = await browser.newContext();
});

afterAll(async () => {
  await context?.close();
  await browser?.close();
  await closeAll(host, app);
});

interface Opened {
  page: Page;
  appFrame: Frame;
}

async function open(query: { trusted?: string[]; noload?: boolean; sibling?: boolean } = {}) {
  const appUrl = new URL(app.url('/app.html'));
  if (query.trusted) appUrl.searchParams.set('trusted', JSON.stringify(query.trusted));
  const hostUrl = new URL(host.url('/host.html'));
  hostUrl.searchParams.set('app', appUrl.href);
  if (query.noload) hostUrl.searchParams.set('noload', '1');
  if (query.sibling) hostUrl.searchParams.set('sibling', host.url('/sibling.html'));
  const page = await context.newPage();
  await page.goto(hostUrl.href);
  await page.waitForFunction(() => (window as unknown as { loads: number }).loads > 0);
  const appFrame = page.frame({ name: 'app' });
  if (!appFrame) throw new Error('no app frame');
  return { page, appFrame } satisfies Opened;
}

type AppWindow = Window & {
  conn: DashboardAppConnection;
  received: (string | undefined)[];
  raw: string[];
  markersInRaw(): (string | undefined)[];
  BevatelDashboardApp: typeof GlobalApi;
};
type HostWindow = Window & {
  hostLog: { type: string; data: unknown; origin: string }[];
  answerFetch: boolean;
  post(message: unknown): void;
  makeContext(marker: string): string;
};

describe('the SDK in Chromium, cross-origin', () => {
  it('the script-tag bundle defines exactly one global', async () => {
    const { page, appFrame } = await open();
    const globals = await appFrame.evaluate(() => {
      const w = window as unknown as AppWindow;
      return {
        api: Object.keys(w.BevatelDashboardApp).sort(),
        inside: w.BevatelDashboardApp.isInsideDashboard(),
        origin: location.origin,
      };
    });
    expect(globals.api).toEqual([
      'FetchContextTimeoutError',
      'connect',
      'isInsideDashboard',
      'isPageContext',
    ]);
    expect(globals.inside).toBe(true);
    expect(globals.origin).toBe(app.origin);
    await page.close();
  });

  it('receives the context the host posts on load (onContext and context getter)', async () => {
    const { page, appFrame } = await open();
    await appFrame.waitForFunction(() => (window as unknown as AppWindow).received.length > 0);
    const state = await appFrame.evaluate(() => {
      const w = window as unknown as AppWindow;
      return { received: w.received, name: w.conn.context?.contact.name };
    });
    expect(state).toEqual({ received: ['load'], name: 'Sarah Johnson' });
    await page.close();
  });

  it('fetchContext() posts the bare string and resolves when the host answers', async () => {
    const { page, appFrame } = await open({ noload: true });
    const marker = await appFrame.evaluate(async () => {
      const w = window as unknown as AppWindow;
      const data = await w.conn.fetchContext({ timeoutMs: 5000 });
      return (data as unknown as { marker: string }).marker;
    });
    expect(marker).toBe('fetch');
    const log = await page.evaluate(() => (window as unknown as HostWindow).hostLog);
    expect(log).toEqual([
      { type: 'string', data: 'bevatel-dashboard-app:fetch-info', origin: app.origin },
    ]);
    await page.close();
  });

  it('fetchContext() rejects with FetchContextTimeoutError when the host does not answer', async () => {
    const { page, appFrame } = await open({ noload: true });
    await page.evaluate(() => {
      (window as unknown as HostWindow).answerFetch = false;
    });
    const outcome = await appFrame.evaluate(async () => {
      const w = window as unknown as AppWindow;
      const started = Date.now();
      try {
        await w.conn.fetchContext({ timeoutMs: 300 });
        return { resolved: true };
      } catch (error) {
        const e = error as InstanceType<
          AppWindow['BevatelDashboardApp']['FetchContextTimeoutError']
        >;
        return {
          resolved: false,
          name: e.name,
          code: e.code,
          timeoutMs: e.timeoutMs,
          isClass: e instanceof w.BevatelDashboardApp.FetchContextTimeoutError,
          isError: e instanceof Error,
          elapsed: Date.now() - started,
        };
      }
    });
    expect(outcome).toMatchObject({
      resolved: false,
      name: 'FetchContextTimeoutError',
      code: 'TIMEOUT',
      timeoutMs: 300,
      isClass: true,
      isError: true,
    });
    expect((outcome as { elapsed: number }).elapsed).toBeGreaterThanOrEqual(290);
    await page.close();
  });

  it('ignores malformed messages from the host, and any message from foreign windows', async () => {
    const { page, appFrame } = await open({ sibling: true });
    await appFrame.waitForFunction(() => (window as unknown as AppWindow).received.length > 0);
    // Malformed messages from the real parent, in order, then a valid one as a fence.
    await page.evaluate(() => {
      const w = window as unknown as HostWindow;
      const valid = JSON.parse(w.makeContext('object')) as unknown;
      w.post(valid); // an object, not a string
      w.post('not json');
      w.post(42);
      w.post(null);
      w.post(JSON.stringify({ event: 'other', data: (valid as { data: unknown }).data }));
      w.post(JSON.stringify({ event: 'appContext', data: { conversation: {}, contact: {} } }));
      w.post('bevatel-dashboard-app:fetch-info');
      w.post(w.makeContext('after-malformed'));
    });
    await appFrame.waitForFunction(() =>
      (window as unknown as AppWindow).received.includes('after-malformed'),
    );
    // A sibling frame on the host's own origin, and the app posting to itself.
    const sibling = page.frame({ name: 'sibling' });
    if (!sibling) throw new Error('no sibling frame');
    await sibling.waitForFunction(() => 'attack' in window);
    const forged = await page.evaluate(() =>
      (window as unknown as HostWindow).makeContext('sibling'),
    );
    await sibling.evaluate((message) => {
      (window as unknown as { attack(m: string): void }).attack(message);
    }, forged);
    await appFrame.evaluate((message) => {
      window.postMessage(message.replace('"sibling"', '"self"'), '*');
    }, forged);
    await appFrame.waitForFunction(() => {
      const markers = (window as unknown as AppWindow).markersInRaw();
      return markers.includes('sibling') && markers.includes('self');
    });
    const state = await appFrame.evaluate(() => {
      const w = window as unknown as AppWindow;
      return {
        received: w.received,
        raw: w.raw.length,
        marker: (w.conn.context as unknown as { marker: string }).marker,
      };
    });
    expect(state.received).toEqual(['load', 'after-malformed']);
    expect(state.marker).toBe('after-malformed');
    expect(state.raw).toBeGreaterThanOrEqual(11);
    await page.close();
  });

  it('with trustedOrigins, ignores a parent on another origin (and cannot ask it)', async () => {
    const { page, appFrame } = await open({ trusted: ['https://dashboard.example.com'] });
    await appFrame.waitForFunction(() =>
      (window as unknown as AppWindow).markersInRaw().includes('load'),
    );
    const outcome = await appFrame.evaluate(async () => {
      const w = window as unknown as AppWindow;
      const error = await w.conn.fetchContext({ timeoutMs: 300 }).then(
        () => null,
        (e: Error) => e.name,
      );
      return { received: w.received, context: w.conn.context, error };
    });
    expect(outcome).toEqual({ received: [], context: null, error: 'FetchContextTimeoutError' });
    // fetch-info went to the single trusted origin, so the browser did not deliver it here.
    expect(await page.evaluate(() => (window as unknown as HostWindow).hostLog)).toEqual([]);
    await page.close();
  });

  it('with trustedOrigins including the host, accepts it and posts fetch-info to it', async () => {
    const { page, appFrame } = await open({ trusted: [host.origin] });
    await appFrame.waitForFunction(() => (window as unknown as AppWindow).received.length > 0);
    const marker = await appFrame.evaluate(async () => {
      const data = await (window as unknown as AppWindow).conn.fetchContext();
      return (data as unknown as { marker: string }).marker;
    });
    expect(marker).toBe('fetch');
    expect(await page.evaluate(() => (window as unknown as HostWindow).hostLog.length)).toBe(1);
    await page.close();
  });

  it('outside a frame, isInsideDashboard() is false and fetchContext() times out', async () => {
    const page = await context.newPage();
    await page.goto(app.url('/app.html'));
    const outcome = await page.evaluate(async () => {
      const w = window as unknown as AppWindow;
      const error = await w.conn.fetchContext({ timeoutMs: 200 }).then(
        () => null,
        (e: Error) => e.name,
      );
      return { inside: w.BevatelDashboardApp.isInsideDashboard(), error, received: w.received };
    });
    expect(outcome).toEqual({ inside: false, error: 'FetchContextTimeoutError', received: [] });
    await page.close();
  });
});
