import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCommand } from '../../apps/server/src/core/commands';
import { inviteToAccount } from '../../apps/server/src/modules/invitations/commands';
import { launchBrowser, signInContext } from '../support/browser';
import { DEMO_ADMIN, startDashboard, type RunningDashboard } from '../support/dashboard';
import { REPO_ROOT } from '../support/paths';
import { OMAR, newContext, watchErrors } from './support';

const SHOTS = join(REPO_ROOT, 'test-results', 'screenshots');

/**
 * Joining an account by invitation, as people do it: the administrator invites from Settings ›
 * Agents and passes on the link; someone new chooses their password there; someone who already
 * has an account accepts from the banner in their own dashboard.
 */
describe('invitations in Chromium', () => {
  let dashboard: RunningDashboard;
  let browser: Browser;
  const contexts: BrowserContext[] = [];

  beforeAll(async () => {
    mkdirSync(SHOTS, { recursive: true });
    dashboard = await startDashboard();
    browser = await launchBrowser();
  });
  afterAll(async () => {
    for (const context of contexts) await context.close();
    await browser?.close();
    await dashboard?.close();
  });

  it('an admin invites a new person, who sets their own password through the link', async () => {
    const admin = await signInContext(browser, dashboard.url, DEMO_ADMIN);
    contexts.push(admin);
    const page = await admin.newPage();
    await page.setViewportSize({ width: 1440, height: 900 });
    await page.goto(`/app/accounts/${dashboard.accountId}/settings/agents`);
    await page.getByRole('button', { name: 'Add agent' }).click();
    await page.getByLabel('Name').fill('Huda Newcomer');
    await page.getByLabel('Email').fill('huda@bevatel.test');
    await page.getByRole('button', { name: 'Save' }).click();
    await page.getByText(/Invitation sent to .huda@bevatel\.test/).waitFor();
    const link = (await page.locator('.invitation-link code').textContent()) ?? '';
    expect(link).toMatch(/\/app\/invitations\//);
    // Not an agent yet: only a pending invitation.
    const pending = page.getByRole('region', { name: 'Pending invitations' });
    await pending.getByRole('cell', { name: 'huda@bevatel.test', exact: true }).waitFor();
    await page.screenshot({ path: join(SHOTS, 'invitation-sent-en.png') });

    const guest = await newContext(browser, dashboard.url);
    contexts.push(guest);
    const invitee = await guest.newPage();
    const errors = watchErrors(invitee);
    await invitee.goto(link);
    await invitee.getByRole('heading', { name: 'Join Bevatel Demo' }).waitFor();
    await invitee.getByLabel('Choose a password').fill('password1234');
    await invitee.getByLabel('Repeat the password').fill('password1234');
    await invitee.getByRole('button', { name: 'Join' }).click();
    await invitee.getByText('one of the most common').waitFor();
    await invitee.screenshot({ path: join(SHOTS, 'invitation-link-en.png') });
    await invitee.getByLabel('Choose a password').fill('lanterns over the wadi');
    await invitee.getByLabel('Repeat the password').fill('lanterns over the wadi');
    await invitee.getByRole('button', { name: 'Join' }).click();
    await invitee.waitForURL(/\/app\/accounts\/\d+\/conversations/);
    expect(errors.filter((e) => !/status of 422/.test(e))).toEqual([]);

    // The link worked once.
    const again = await newContext(browser, dashboard.url);
    contexts.push(again);
    const reuse = await again.newPage();
    await reuse.goto(link);
    await reuse.getByRole('heading', { name: 'This link no longer works' }).waitFor();
  });

  it('an existing user accepts from the banner in their own dashboard, in Arabic too', async () => {
    // Another account whose administrator invites Omar (already an agent of the demo account).
    const other = await dashboard.db
      .insertInto('accounts')
      .values({ name: 'متجر الواحة', locale: 'ar', created_at: Date.now() })
      .returning('id')
      .executeTakeFirstOrThrow();
    const inviter = await dashboard.db
      .selectFrom('users')
      .select('id')
      .where('email', '=', DEMO_ADMIN.email)
      .executeTakeFirstOrThrow();
    await runCommand(dashboard.app, (tx) =>
      inviteToAccount(
        tx,
        { accountId: other.id, user: inviter },
        { name: 'whatever the admin typed', email: OMAR.email, role: 'agent' },
      ),
    );

    const omar = await signInContext(browser, dashboard.url, OMAR, 'ar');
    contexts.push(omar);
    const page = await omar.newPage();
    await page.goto(`/app/accounts/${dashboard.accountId}/conversations`);
    const banner = page.getByRole('region', { name: /Invitations|الدعوات/ });
    await banner.getByText(/متجر الواحة/).waitFor();
    await page.screenshot({ path: join(SHOTS, 'invitation-banner.png') });
    await page.setViewportSize({ width: 390, height: 844 });
    await page.screenshot({ path: join(SHOTS, 'invitation-banner-390.png') });
    await banner.getByRole('button', { name: /Accept|قبول/ }).click();
    await banner.waitFor({ state: 'detached' });
    const profile = await omar.request.get('/api/v1/profile');
    const accounts = ((await profile.json()) as { accounts: { id: number }[] }).accounts;
    expect(accounts.map((a) => a.id)).toContain(other.id);
  });
});
