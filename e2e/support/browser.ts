import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

// Without the background-networking flags Chromium keeps dialling out, which this network refuses.
const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-dev-shm-usage',
];

/** Debian's Chromium, headless; playwright gives each launch a fresh temporary profile. */
export function launchBrowser(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM_PATH, headless: true, args: CHROMIUM_ARGS });
}

/** Signs in through the API inside a browser context: the session cookie lands in the context. */
export async function signInContext(
  browser: Browser,
  baseUrl: string,
  credentials: { email: string; password: string },
  locale = 'en-US',
): Promise<BrowserContext> {
  const context = await browser.newContext({ baseURL: baseUrl, locale });
  const response = await context.request.post('/auth/sign_in', { data: credentials });
  if (!response.ok())
    throw new Error(`sign-in failed for ${credentials.email}: ${response.status()}`);
  return context;
}

/** Collects console errors and page errors so a test can assert there were none. */
export function collectPageErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text());
  });
  page.on('pageerror', (error) => errors.push(error.message));
  return errors;
}
