import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../test/app';
import { API_REFERENCE_PATH } from './api-reference';

describe('API reference page', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp('sqlite');
  });
  afterAll(() => t.close());

  it('renders the OpenAPI description with the renderer this server serves, under a strict CSP', async () => {
    const page = await t.app.inject({ method: 'GET', url: API_REFERENCE_PATH });
    expect(page.statusCode).toBe(200);
    expect(page.headers['content-type']).toMatch(/^text\/html/);
    expect(page.body).toContain('data-url="/api/openapi.json"');
    expect(page.body).toContain('src="/docs/api/reference.js"');
    expect(page.body).not.toMatch(/https?:\/\//);
    const csp = String(page.headers['content-security-policy']);
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("connect-src 'self'");
    expect(csp).not.toContain('unsafe-eval');

    const script = await t.app.inject({ method: 'GET', url: `${API_REFERENCE_PATH}/reference.js` });
    expect(script.statusCode).toBe(200);
    expect(script.headers['content-type']).toMatch(/^text\/javascript/);
    expect(script.rawPayload.length).toBeGreaterThan(100_000);
    const again = await t.app.inject({
      method: 'GET',
      url: `${API_REFERENCE_PATH}/reference.js`,
      headers: { 'if-none-match': String(script.headers.etag) },
    });
    expect(again.statusCode).toBe(304);
  });
});
