import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, request, type TestApp } from '../../test/app';
import { createWorld, WORLD_WIDGET, type World } from '../../test/fixtures';

describe('website widget files', () => {
  let t: TestApp;
  let w: World;
  const dist = mkdtempSync(join(tmpdir(), 'widget-dist-'));

  beforeAll(async () => {
    writeFileSync(join(dist, 'sdk.js'), 'window.bevatelSDK={run(){}};');
    writeFileSync(join(dist, 'frame.js'), 'void 0;');
    writeFileSync(join(dist, 'frame.css'), 'body{}');
    writeFileSync(join(dist, 'frame.html'), '<!doctype html><title>Chat</title>');
    t = await createTestApp('sqlite', { widgetDist: dist });
    w = await createWorld(t.app.db);
  });
  afterAll(async () => {
    await t.close();
    rmSync(dist, { recursive: true, force: true });
  });

  it('serves the launcher to any site (a script another origin loads)', async () => {
    const res = await request(t.app, 'GET', '/packs/js/sdk.js');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/javascript/);
    expect(res.headers['cross-origin-resource-policy']).toBe('cross-origin');
    expect(res.body).toContain('bevatelSDK');
  });

  it('lets only the allowed sites frame the chat', async () => {
    const url = `/widget?website_token=${WORLD_WIDGET.websiteToken}`;
    const anywhere = await request(t.app, 'GET', url);
    expect(anywhere.statusCode).toBe(200);
    expect(anywhere.headers['x-frame-options']).toBeUndefined();
    expect(anywhere.headers['content-security-policy']).toContain('frame-ancestors *');
    await request(t.app, 'PATCH', `/api/v1/accounts/${w.accountId}/inboxes/${w.widgetInboxId}`, {
      as: w.admin,
      body: { channel: { allowed_domains: 'shop.test, localhost:4300' } },
    });
    const limited = await request(t.app, 'GET', url);
    const policy = String(limited.headers['content-security-policy']);
    expect(policy).toContain(
      'frame-ancestors http://shop.test https://shop.test http://localhost:4300 https://localhost:4300',
    );
    expect(policy).toContain("script-src 'self'");
    // Everything else of ours still refuses to be framed.
    const other = await request(t.app, 'GET', '/widget/frame.css');
    expect(other.headers['x-frame-options']).toBe('DENY');
  });

  it('answers an unknown or malformed widget key with 4xx JSON', async () => {
    const unknown = await request(t.app, 'GET', '/widget?website_token=nosuchwidget');
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json()).toMatchObject({ statusCode: 404 });
    const malformed = await request(t.app, 'GET', '/widget?website_token=%3Cscript%3E');
    expect(malformed.statusCode).toBe(422);
    const missing = await request(t.app, 'GET', '/widget');
    expect(missing.statusCode).toBe(422);
  });
});
