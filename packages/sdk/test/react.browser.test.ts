/** useAppContext() in Chromium: a React app on http://127.0.0.1 inside a host on localhost. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Frame, Page } from 'playwright-core';
import { createSampleContext } from '../src/simulator/sample-context';
import { launchChromium } from './helpers/browser';
import { bundle } from './helpers/bundle';
import { hostPage } from './helpers/pages';
import { closeAll, startServer } from './helpers/servers';
import type { TestServer } from './helpers/servers';

let browser: Browser;
let host: TestServer;
let app: TestServer;

beforeAll(async () => {
  const code = await bundle(new URL('fixtures/react-app.ts', import.meta.url), { format: 'iife' });
  host = await startServer(
    { '/host.html': { body: hostPage(createSampleContext()) } },
    'localhost',
  );
  app = await startServer({
    '/react.html': {
      body: '<!doctype html><meta charset="utf-8"><div id="root"></div><script src="/app.js"></script>',
    },
    '/app.js': { body: code, type: 'text/javascript' },
  });
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await closeAll(host, app);
});

async function open(flags: string[]): Promise<{ page: Page; frame: Frame }> {
  const url = new URL(host.url('/host.html'));
  url.searchParams.set('app', app.url('/react.html'));
  for (const flag of flags) url.searchParams.set(flag, '1');
  const page = await browser.newPage();
  await page.goto(url.href);
  await page.waitForFunction(() => (window as unknown as { loads: number }).loads > 0);
  const frame = page.frame({ name: 'app' });
  if (!frame) throw new Error('no app frame');
  return { page, frame };
}

const text = (frame: Frame, id: string) => frame.locator(`#${id}`).textContent();

describe('useAppContext in Chromium', () => {
  it('asks for the context on mount and becomes ready (the load post came too early)', async () => {
    const { page, frame } = await open(['noload']);
    await frame.locator('#status', { hasText: 'ready' }).waitFor();
    expect(await text(frame, 'name')).toBe('Sarah Johnson');
    expect(await text(frame, 'marker')).toBe('fetch');
    const log = await page.evaluate(
      () => (window as unknown as { hostLog: { data: unknown }[] }).hostLog,
    );
    expect(log.length).toBeGreaterThanOrEqual(1);
    expect(log.every((entry) => entry.data === 'bevatel-dashboard-app:fetch-info')).toBe(true);
    await page.close();
  });

  it('stays waiting until the host speaks, then follows every push', async () => {
    const { page, frame } = await open(['noload', 'silent']);
    await page.waitForFunction(
      () => (window as unknown as { hostLog: unknown[] }).hostLog.length > 0,
    );
    expect(await text(frame, 'status')).toBe('waiting');
    await page.evaluate(() => {
      const w = window as unknown as { post(m: string): void; makeContext(m: string): string };
      w.post(w.makeContext('push-1'));
    });
    await frame.locator('#marker', { hasText: 'push-1' }).waitFor();
    expect(await text(frame, 'status')).toBe('ready');
    await page.evaluate(() => {
      const w = window as unknown as { answerFetch: boolean };
      w.answerFetch = true;
    });
    const marker = await frame.evaluate(() =>
      (window as unknown as { refetch: () => Promise<string> }).refetch(),
    );
    expect(marker).toBe('fetch');
    await frame.locator('#marker', { hasText: 'fetch' }).waitFor();
    await page.close();
  });
});
