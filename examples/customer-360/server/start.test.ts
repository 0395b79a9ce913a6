import { afterEach, describe, expect, it, vi } from 'vitest';
import { parseDashboardOrigins } from './frame-policy';
import { startCustomer360 } from './start';
import type { RunningApp } from './start';

let app: RunningApp | undefined;

afterEach(async () => {
  await app?.close();
  app = undefined;
  vi.unstubAllEnvs();
});

describe('the static server', () => {
  it('serves the page framable by the configured dashboards only, and the SDK bundle', async () => {
    app = await startCustomer360({ port: 0, dashboardOrigins: 'https://desk.example.com' });
    const page = await fetch(`${app.url}/`);
    expect(page.status).toBe(200);
    expect(page.headers.get('x-frame-options')).toBeNull();
    expect(page.headers.get('content-security-policy')).toContain(
      'frame-ancestors https://desk.example.com',
    );
    expect(await page.text()).toContain(
      '<meta name="dashboard-origins" content="https://desk.example.com" />',
    );
    const sdk = await fetch(`${app.url}/vendor/bevatel-dashboard-app.global.js`);
    expect(sdk.status).toBe(200);
    expect(await sdk.text()).toContain('BevatelDashboardApp');
  });

  it('reads DASHBOARD_ORIGINS and defaults to the local dashboard', async () => {
    vi.stubEnv('DASHBOARD_ORIGINS', 'http://localhost:* , https://*.example.com');
    app = await startCustomer360({ port: 0 });
    const csp = (await fetch(`${app.url}/`)).headers.get('content-security-policy');
    expect(csp).toContain('frame-ancestors http://localhost:* https://*.example.com');
    expect(parseDashboardOrigins(undefined)).toEqual([
      'http://localhost:3000',
      'http://127.0.0.1:3000',
    ]);
  });

  it('refuses origins that would break the header', () => {
    expect(() => parseDashboardOrigins("https://a.example; script-src 'unsafe-inline'")).toThrow(
      /DASHBOARD_ORIGINS/,
    );
    expect(() => parseDashboardOrigins('javascript:alert(1)')).toThrow(/DASHBOARD_ORIGINS/);
  });

  it('serves only its own files and methods', async () => {
    app = await startCustomer360({ port: 0 });
    expect((await fetch(`${app.url}/../package.json`)).status).toBe(404);
    expect((await fetch(`${app.url}/%2e%2e/server/start.ts`)).status).toBe(404);
    expect((await fetch(`${app.url}/`, { method: 'POST' })).status).toBe(405);
  });
});
