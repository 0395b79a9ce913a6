/**
 * The host tests' own helpers, in Chromium: they must see what reaches an app frame that sits
 * in a hidden tab panel. Chromium runs no animation frames in a hidden cross-origin frame, so a
 * wait that polls on requestAnimationFrame checks once and then never again.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser } from '../support/browser';
import { appFrame, receivedAtLeast } from './host-page';
import { startTestApps, type TestAppServer } from './test-apps';

describe('host test helpers', () => {
  let apps: TestAppServer;
  let parent: Server;
  let browser: Browser;

  beforeAll(async () => {
    apps = await startTestApps('127.0.0.1');
    // The embedding page on another origin (localhost), its app frame in a hidden panel.
    parent = createServer((_request, response) => {
      response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      response.end(
        `<!doctype html><title>parent</title><div hidden><iframe title="App" src="${apps.url('/app')}"></iframe></div>`,
      );
    });
    await new Promise<void>((resolve) => parent.listen(0, '127.0.0.1', resolve));
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser?.close();
    await new Promise((resolve) => parent?.close(resolve));
    await apps?.close();
  });

  async function pageWithHiddenApp(): Promise<Page> {
    const page = await browser.newPage();
    await page.goto(`http://localhost:${(parent.address() as AddressInfo).port}/`);
    return page;
  }

  it('receivedAtLeast sees a message that reaches a hidden frame after the wait began', async () => {
    const page = await pageWithHiddenApp();
    const frame = await appFrame(page, 'App');
    const before = (await receivedAtLeast(frame, 0)).length;
    // Posted well after the wait's first check, as a fetch-info answer may be.
    await page.evaluate((target) => {
      const iframe = document.querySelector('iframe')!;
      setTimeout(() => iframe.contentWindow!.postMessage('{"event":"appContext"}', target), 300);
    }, apps.origin);
    const list = await receivedAtLeast(frame, before + 1, 2_000);
    expect(list.length).toBe(before + 1);
    await page.close();
  });
});
