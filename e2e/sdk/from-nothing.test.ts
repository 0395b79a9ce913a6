/**
 * From nothing to a live app, as an outside developer does it with only a dashboard's URL:
 * the script bundle the dashboard serves runs on another origin with the integrity its guide
 * shows; its npm tarball installs into an empty project; then, for each template, `create`
 * (from that installed SDK) → npm install (the SDK from the dashboard's URL) → npm test →
 * `register` against the real server → npm start → the app open in the real dashboard in
 * Chromium, with the context received and the token verified by the generated backend.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Conversation } from '../../packages/protocol/src';
import { openConversation } from '../dashboard-apps-host/host-page';
import { launchBrowser, signInContext } from '../support/browser';
import { DEMO_ADMIN, startDashboard, type RunningDashboard } from '../support/dashboard';
import { installIntoEmptyProject, readJson, run, SDK_DIR, SDK_NAME } from '../support/packed-sdk';
import { freePort } from '../support/ports';

const NPM_TIMEOUT = 300_000;

/** `npm start` of a generated app, in its own process group so the whole tree stops. */
async function startApp(dir: string, url: string): Promise<ChildProcess> {
  const child = spawn('npm', ['start'], {
    cwd: dir,
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const deadline = Date.now() + 120_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`npm start exited: ${output}`);
    const ok = await fetch(url).then(
      (r) => r.ok,
      () => false,
    );
    if (ok) return child;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  stopApp(child);
  throw new Error(`the app did not answer at ${url}: ${output}`);
}

function stopApp(child: ChildProcess | undefined): void {
  if (child?.pid && child.exitCode === null) {
    try {
      process.kill(-child.pid, 'SIGTERM');
    } catch {
      // already gone
    }
  }
}

describe('an app from nothing, with the SDK the dashboard serves', () => {
  let dashboard: RunningDashboard;
  let browser: Browser;
  let work: string;
  let version: string;
  let tarballUrl: string;
  let tools: string;
  let admin: { access_token: string; id: number; account_id: number };
  let conversation: Conversation;
  const apps: ChildProcess[] = [];
  const servers: Server[] = [];

  beforeAll(async () => {
    version = readJson<{ version: string }>(join(SDK_DIR, 'package.json')).version;
    if (!existsSync(join(SDK_DIR, `release/bevatel-dashboard-app-sdk-${version}.tgz`))) {
      await run('npm', ['run', 'build', '-w', SDK_NAME], { cwd: join(SDK_DIR, '../..') });
    }
    work = mkdtempSync(join(tmpdir(), 'bevatel-from-nothing-'));
    dashboard = await startDashboard();
    tarballUrl = `${dashboard.url}/sdk/bevatel-dashboard-app-sdk-${version}.tgz`;
    const signIn = await fetch(`${dashboard.url}/auth/sign_in`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(DEMO_ADMIN),
    });
    ({ data: admin } = (await signIn.json()) as { data: typeof admin });
    conversation = (await fetch(
      `${dashboard.url}/api/v1/accounts/${admin.account_id}/conversations/1`,
      { headers: { api_access_token: admin.access_token } },
    ).then((r) => r.json())) as Conversation;
    browser = await launchBrowser();
  }, NPM_TIMEOUT);

  afterAll(async () => {
    for (const child of apps) stopApp(child);
    for (const server of servers) await new Promise((resolve) => server.close(resolve));
    await browser?.close();
    await dashboard?.close();
    if (work) rmSync(work, { recursive: true, force: true });
  });

  it('runs the script bundle on another origin, with the integrity its guide shows', async () => {
    const guide = await fetch(`${dashboard.url}/docs/dashboard-apps/en/`).then((r) => r.text());
    const integrity = /integrity=(?:&quot;|")(sha384-[A-Za-z0-9+/=]+)/.exec(guide)?.[1];
    expect(integrity, 'the guide shows the SDK integrity').toBeDefined();
    expect(guide).toContain(`${dashboard.url}/sdk/v1/bevatel-dashboard-app.js`);
    const page = `<!doctype html><meta charset="utf-8"><title>other origin</title>
<script src="${dashboard.url}/sdk/v1/bevatel-dashboard-app.js" integrity="${integrity}" crossorigin="anonymous"></script>`;
    const tampered = page.replace(integrity as string, `sha384-${'A'.repeat(64)}`);
    const server = createServer((req, res) => {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      res.end(req.url === '/tampered' ? tampered : page);
    });
    servers.push(server);
    const port = await freePort();
    await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
    const context = await browser.newContext();
    try {
      const tab = await context.newPage();
      await tab.goto(`http://127.0.0.1:${port}/`);
      const loaded = await tab.waitForFunction(
        () => {
          const sdk = (window as { BevatelDashboardApp?: Record<string, unknown> })
            .BevatelDashboardApp;
          return sdk ? [typeof sdk.connect, typeof sdk.isInsideDashboard] : null;
        },
        undefined,
        { timeout: 10_000 },
      );
      expect(await loaded.jsonValue()).toEqual(['function', 'function']);
      // A wrong hash must block it: the integrity is checked, not decorative.
      const blocked = await context.newPage();
      const refused = blocked.waitForEvent('console', (m) => /integrity/i.test(m.text()));
      await blocked.goto(`http://127.0.0.1:${port}/tampered`);
      await refused;
      expect(await blocked.evaluate(() => 'BevatelDashboardApp' in window)).toBe(false);
    } finally {
      await context.close();
    }
  });

  it(
    'installs the tarball from its URL into an empty project',
    async () => {
      tools = await installIntoEmptyProject({ [SDK_NAME]: tarballUrl }, join(work, 'tools'));
      const { stdout } = await run(
        process.execPath,
        [
          '--input-type=module',
          '-e',
          `import('${SDK_NAME}/server').then((m) => console.log(typeof m.verifyContextToken))`,
        ],
        { cwd: tools },
      );
      expect(stdout.trim()).toBe('function');
      const installed = readJson<{ version: string }>(
        join(tools, 'node_modules', SDK_NAME, 'package.json'),
      );
      expect(installed.version).toBe(version);
    },
    NPM_TIMEOUT,
  );

  it('register refuses a bad token and a wrong account, and writes nothing', async () => {
    const bin = join(tools, 'node_modules/.bin/bevatel-dashboard-app');
    const attempt = (...args: string[]) =>
      run(
        bin,
        ['register', '--dashboard', dashboard.url, '--url', 'http://127.0.0.1:9/', ...args],
        {
          cwd: tools,
        },
      ).then(
        () => ({ code: 0, stderr: '' }),
        (error: { code: number; stderr: string }) => ({ code: error.code, stderr: error.stderr }),
      );
    expect(await attempt('--token', 'not-a-token')).toEqual({
      code: 1,
      stderr: expect.stringContaining('GET /api/v1/profile: 401'),
    });
    expect(await attempt('--token', admin.access_token, '--account', '999')).toEqual({
      code: 1,
      stderr: expect.stringContaining('is not in account 999'),
    });
    expect(existsSync(join(tools, '.env'))).toBe(false);
  });

  it.each([
    ['html', true],
    ['react', true],
    ['html', false],
  ] as const)(
    'creates, tests, registers and runs a %s app (backend: %s) that the dashboard frames',
    async (template, backend) => {
      const dir = join(work, `${template}-${backend ? 'backend' : 'front'}-app`);
      const bin = join(tools, 'node_modules/.bin/bevatel-dashboard-app');
      const created = await run(
        bin,
        [
          'create',
          dir,
          '--template',
          template,
          '--sdk',
          tarballUrl,
          ...(backend ? [] : ['--no-backend']),
        ],
        { cwd: work },
      );
      expect(created.stdout).toContain(`(${template}, ${backend ? 'with' : 'without'} a backend`);
      await run('npm', ['install', '--no-audit', '--no-fund'], { cwd: dir, maxBuffer: 32 << 20 });
      const tests = await run('npm', ['test'], { cwd: dir, maxBuffer: 32 << 20 });
      expect(tests.stdout).toMatch(/# pass [1-9]\d*\n# fail 0/);

      const port = await freePort();
      const appOrigin = `http://127.0.0.1:${port}`;
      const env = readFileSync(join(dir, '.env'), 'utf8')
        .replace(/^APP_ORIGIN=.*$/m, `APP_ORIGIN=${appOrigin}`)
        .replace(/^PORT=.*$/m, `PORT=${port}`);
      writeFileSync(join(dir, '.env'), env);
      const title = `${template.toUpperCase()} ${backend ? 'app' : 'front end'}`;
      const registered = await run(
        join(dir, 'node_modules/.bin/bevatel-dashboard-app'),
        [
          'register',
          ...['--dashboard', dashboard.url, '--token', admin.access_token, '--title', title],
          ...['--title-ar', `${title} بالعربية`, '--location', 'conversation.tab,contact.page'],
          ...(backend ? ['--secret'] : []),
        ],
        { cwd: dir },
      );
      expect(registered.stdout).toContain(`Registered "${title}"`);
      expect(registered.stdout).toContain('Shown in: conversation.tab, contact.page');
      const written = readFileSync(join(dir, '.env'), 'utf8');
      expect(written).toContain(`DASHBOARD_ORIGIN=${dashboard.url} http://localhost:4700`);
      if (backend) expect(written).toMatch(/^BEVATEL_APP_SECRET=(?!dev-secret).{20,}$/m);
      else expect(written).not.toContain('BEVATEL_APP_SECRET');
      expect(written).toMatch(/^BEVATEL_APP_ID=\d+$/m);
      const again = await run(
        join(dir, 'node_modules/.bin/bevatel-dashboard-app'),
        ['register', '--dashboard', dashboard.url, '--token', admin.access_token],
        { cwd: dir },
      );
      expect(again.stdout).toContain(`Updated "${title}"`);
      // Updating without --location or --title-ar keeps what the first run set.
      const appId = /^BEVATEL_APP_ID=(\d+)$/m.exec(written)![1];
      const stored = await fetch(
        `${dashboard.url}/api/v1/accounts/${admin.account_id}/dashboard_apps/${appId}`,
        { headers: { api_access_token: admin.access_token } },
      );
      expect(await stored.json()).toMatchObject({
        title,
        title_ar: `${title} بالعربية`,
        locations: ['conversation.tab', 'contact.page'],
      });

      apps.push(await startApp(dir, `${appOrigin}/`));
      const context = await signInContext(browser, dashboard.url, DEMO_ADMIN);
      try {
        const page = await context.newPage();
        await openConversation(page, dashboard.accountId, conversation.id);
        await page.getByRole('tab', { name: title, exact: true }).click();
        const frame = page.frameLocator(`iframe[title="${title}"]`);
        await expect
          .poll(() => frame.locator('#contact-name').textContent({ timeout: 15_000 }))
          .toBe(conversation.meta.sender.name);
        if (backend) {
          await expect
            .poll(() => frame.locator('#verified').textContent({ timeout: 15_000 }), {
              timeout: 15_000,
            })
            .toBe(`Verified by the backend: agent ${admin.id}, conversation #${conversation.id}`);
        } else {
          expect(await frame.locator('#verified').count()).toBe(0);
        }
        await page.screenshot({
          path: join(tmpdir(), `bevatel-${template}-${backend}-in-dashboard.png`),
        });
      } finally {
        await context.close();
      }
    },
    NPM_TIMEOUT * 2,
  );
});
