import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../support/paths';
import { freePort } from '../support/ports';

/**
 * `npm start` as a new user sees it (the build is skipped: the e2e stage has built already):
 * one block with the URL, the demo credentials and the example apps' URLs, last; request logs
 * in files, not on the terminal; no example asking to register what the seed registered.
 */
describe('npm start', () => {
  let child: ChildProcess;
  let output = '';
  let dataDir: string;
  let ports: { dashboard: number; customer360: number; orderHistory: number; shop: number };

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'bevatel-start-'));
    ports = { dashboard: await freePort(), customer360: 0, orderHistory: 0, shop: 0 };
    ports.shop = await freePort();
    ports.customer360 = await freePort();
    ports.orderHistory = await freePort();
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      SKIP_BUILD: '1',
      PORT: String(ports.dashboard),
      CUSTOMER_360_PORT: String(ports.customer360),
      ORDER_HISTORY_PORT: String(ports.orderHistory),
      DEMO_SHOP_PORT: String(ports.shop),
      DATA_DIR: dataDir,
    };
    delete env.LOG_LEVEL;
    delete env.DEMO_DASHBOARD_APPS;
    for (const name of ['DEMO_WIDGET_TOKEN', 'DEMO_WIDGET_SECRET', 'DEMO_WIDGET_DOMAINS']) {
      delete env[name];
    }
    child = spawn(process.execPath, ['scripts/start.mjs'], {
      cwd: REPO_ROOT,
      env,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    child.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
    const deadline = Date.now() + 90_000;
    while (!output.includes(`http://127.0.0.1:${ports.orderHistory}/`)) {
      if (child.exitCode !== null) throw new Error(`npm start exited:\n${output}`);
      if (Date.now() > deadline) throw new Error(`no start block in 90 s:\n${output}`);
      await new Promise((r) => setTimeout(r, 200));
    }
    // Traffic that would print request logs if they went to the terminal.
    for (const url of [
      `http://127.0.0.1:${ports.dashboard}/app/login`,
      `http://127.0.0.1:${ports.dashboard}/health`,
      `http://127.0.0.1:${ports.customer360}/`,
      `http://127.0.0.1:${ports.orderHistory}/`,
      `http://127.0.0.1:${ports.shop}/`,
    ]) {
      expect((await fetch(url)).status).toBe(200);
    }
    await new Promise((r) => setTimeout(r, 1000));
  }, 120_000);

  afterAll(async () => {
    if (child && child.exitCode === null) {
      const exited = new Promise((r) => child.once('exit', r));
      child.kill('SIGTERM');
      await exited;
    }
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  });

  it('serves the demo shop with the demo account’s widget, allowed on the shop only', async () => {
    const page = await (await fetch(`http://127.0.0.1:${ports.shop}/`)).text();
    expect(page).toContain(`http://localhost:${ports.dashboard}`);
    expect(page).toContain('/packs/js/sdk.js');
    const token = readFileSync(join(dataDir, 'demo-widget.token'), 'utf8').trim();
    expect(page).toContain(token);
    expect(page).toContain('identifier_hash');
    expect(page).not.toContain(readFileSync(join(dataDir, 'demo-widget.secret'), 'utf8').trim());
    const config = `http://127.0.0.1:${ports.dashboard}/public/api/v1/widget/${token}`;
    const fromShop = await fetch(config, { headers: { origin: `http://127.0.0.1:${ports.shop}` } });
    expect(fromShop.status).toBe(200);
    const elsewhere = await fetch(config, { headers: { origin: 'http://evil.test' } });
    expect(elsewhere.status).toBe(403);
    expect((await fetch(`http://127.0.0.1:${ports.dashboard}/packs/js/sdk.js`)).status).toBe(200);
  });

  it('ends with one block: the URL, the demo credentials, then the example apps', () => {
    const block = output.slice(output.indexOf('Bevatel dashboard'));
    const lines = block.trimEnd().split('\n');
    expect(lines[0]).toContain(`http://localhost:${ports.dashboard}/app`);
    expect(block).toContain('admin@bevatel.test / Bevatel!2026');
    expect(block).toContain('omar@bevatel.test');
    expect(lines.at(-2)).toContain(`Customer 360`);
    expect(lines.at(-2)).toContain(`http://127.0.0.1:${ports.customer360}/`);
    expect(lines.at(-1)).toContain(`http://127.0.0.1:${ports.orderHistory}/`);
    expect(block).toContain(`Demo shop           http://127.0.0.1:${ports.shop}/`);
    // Said once, not once by the seed and again by the server.
    expect(output.match(/admin@bevatel\.test/g)).toHaveLength(1);
  });

  it('keeps request logs off the terminal and never asks to register seeded apps', () => {
    expect(output).not.toMatch(/"level":/);
    expect(output).not.toMatch(/incoming request|request completed/);
    expect(output).not.toMatch(/Register that URL/);
    const orderLog = readFileSync(join(dataDir, 'logs', 'order-history.log'), 'utf8');
    expect(orderLog).toContain('request completed');
  });
});
