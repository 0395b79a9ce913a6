import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser } from '../support/browser';
import { startDashboard, type RunningDashboard } from '../support/dashboard';
import { REPO_ROOT } from '../support/paths';
import { newContext, watchErrors } from './support';

const SHOTS = join(REPO_ROOT, 'test-results', 'screenshots');

/**
 * The API reference page (/docs/api) as a developer opens it, signed out: Scalar renders the
 * server's own OpenAPI description, under the page's CSP, asking no other origin.
 */
describe('API reference in Chromium', () => {
  let dashboard: RunningDashboard;
  let browser: Browser;

  beforeAll(async () => {
    mkdirSync(SHOTS, { recursive: true });
    dashboard = await startDashboard();
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await dashboard?.close();
  });

  it('renders the operations and entities of the OpenAPI description', async () => {
    const context = await newContext(browser, dashboard.url);
    const page = await context.newPage();
    const errors = watchErrors(page);
    const foreign: string[] = [];
    page.on('request', (request) => {
      if (!request.url().startsWith(dashboard.url) && !request.url().startsWith('data:')) {
        foreign.push(request.url());
      }
    });
    await page.goto('/docs/api');
    await page.getByRole('heading', { name: 'Bevatel agent dashboard API' }).first().waitFor();
    // An operation of the description, with its path.
    await expect
      .poll(() => page.getByText('/api/v1/accounts/{account_id}/conversations').count())
      .toBeGreaterThan(0);
    await page.screenshot({ path: join(SHOTS, 'api-reference.png') });
    // Scalar's hosting toolbar (share, deploy) is off.
    expect(await page.getByRole('button', { name: 'Deploy' }).count()).toBe(0);
    await page.getByText('conversations', { exact: true }).first().click();
    await page.screenshot({ path: join(SHOTS, 'api-reference-conversations.png') });
    expect(errors.filter((e) => /Content Security Policy|Refused/.test(e))).toEqual([]);
    expect(foreign).toEqual([]);
    await context.close();
  });
});
