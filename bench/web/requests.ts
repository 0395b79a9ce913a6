import type { BrowserContext, Page } from 'playwright-core';
import { VIEWPORT } from './navigation';

/** The JavaScript files Chromium requested, by URL path, when ready and after a settling second. */
export interface ScriptRequests {
  beforeReady: string[];
  all: string[];
}

/**
 * Loads `path` in a fresh page and records every `.js` request of the dashboard's origin until
 * `ready` resolves (the view is rendered), then for another second: lazy chunks asked for just
 * after the first render would show there.
 */
export async function recordScripts(
  context: BrowserContext,
  path: string,
  ready: (page: Page) => Promise<void>,
): Promise<ScriptRequests> {
  const page = await context.newPage();
  try {
    await page.setViewportSize(VIEWPORT);
    const scripts: string[] = [];
    page.on('request', (request) => {
      const url = new URL(request.url());
      if (url.pathname.endsWith('.js')) scripts.push(url.pathname);
    });
    await page.goto(path);
    await ready(page);
    const beforeReady = [...scripts];
    await page.waitForTimeout(1_000);
    return { beforeReady, all: [...scripts] };
  } finally {
    await page.close();
  }
}
