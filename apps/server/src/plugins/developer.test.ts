import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, request, type TestApp } from '../test/app';
import { DATABASE_KINDS } from '../test/databases';
import { createWorld, type World } from '../test/fixtures';

const REPO_DOCS = fileURLToPath(new URL('../../../../docs/dashboard-apps/', import.meta.url));
const BUNDLE =
  'var BevatelDashboardApp=(()=>({}))();\n//# sourceMappingURL=bevatel-dashboard-app.global.js.map\n';
const sri = (body: string | Buffer) =>
  `sha384-${createHash('sha384').update(body).digest('base64')}`;

/** A built SDK folder as packages/sdk looks after `npm run build`. */
function fakeSdk(dir: string, version: string): void {
  mkdirSync(join(dir, 'dist'), { recursive: true });
  mkdirSync(join(dir, 'release'), { recursive: true });
  writeFileSync(join(dir, 'package.json'), JSON.stringify({ version }));
  writeFileSync(join(dir, 'dist/bevatel-dashboard-app.global.js'), BUNDLE);
  writeFileSync(join(dir, 'dist/bevatel-dashboard-app.global.js.map'), '{"version":3}');
  writeFileSync(join(dir, `release/bevatel-dashboard-app-sdk-${version}.tgz`), 'tarball-bytes');
}

/** A guide with the traps a renderer must not fall into. */
function fakeDocs(dir: string): void {
  mkdirSync(join(dir, 'en'), { recursive: true });
  mkdirSync(join(dir, 'ar'), { recursive: true });
  writeFileSync(join(dir, 'README.md'), '# Guide index\n\n[English](en/README.md)\n');
  writeFileSync(
    join(dir, 'en/README.md'),
    [
      '# Building `apps`',
      '',
      '<script>alert(1)</script> <img src=x onerror=alert(2)>',
      '',
      '[bad](javascript:alert(3)) [ref](payload-reference.md#the-message) [ar](../ar/README.md)',
      '[outside](../../../README.md) [web](https://example.com/x)',
      '',
      '```sh',
      'npm install {{dashboard_origin}}/sdk/bevatel-dashboard-app-sdk-{{sdk_version}}.tgz',
      '```',
      '',
      'integrity="{{sdk_integrity}}"',
      '',
      '## Quick start: plain HTML (script tag)',
      '## Quick start: plain HTML (script tag)',
    ].join('\n'),
  );
  writeFileSync(join(dir, 'en/payload-reference.md'), '# Payload reference\n\n## The message\n');
  writeFileSync(join(dir, 'ar/README.md'), '# بناء التطبيقات\n\n## البدء السريع\n');
}

describe.each(DATABASE_KINDS)('the SDK and the guide, served on %s', (kind) => {
  let t: TestApp;
  let world: World;
  let work: string;
  let sdkDir: string;

  beforeAll(async () => {
    work = mkdtempSync(join(tmpdir(), 'bevatel-developer-'));
    sdkDir = join(work, 'sdk');
    fakeSdk(sdkDir, '9.8.7');
    fakeDocs(join(work, 'docs'));
    t = await createTestApp(kind, {
      sdkDir,
      docsDir: join(work, 'docs'),
      publicUrl: 'https://dash.example.com/bevatel',
    });
    world = await createWorld(t.app.db);
  });
  afterAll(async () => {
    await t.close();
    rmSync(work, { recursive: true, force: true });
  });

  it('serves the script bundle to any origin, cacheable and revalidated by ETag', async () => {
    const res = await request(t.app, 'GET', '/sdk/v1/bevatel-dashboard-app.js', { as: null });
    expect(res.statusCode).toBe(200);
    expect(res.body).toBe(BUNDLE);
    expect(res.headers).toMatchObject({
      'content-type': 'text/javascript; charset=utf-8',
      'access-control-allow-origin': '*',
      'cross-origin-resource-policy': 'cross-origin',
      'x-content-type-options': 'nosniff',
    });
    expect(res.headers['cache-control']).toMatch(/^public, max-age=\d+/);
    const etag = String(res.headers.etag);
    const again = await request(t.app, 'GET', '/sdk/v1/bevatel-dashboard-app.js', {
      as: world.agent,
      headers: { 'if-none-match': etag },
    });
    expect(again.statusCode).toBe(304);
    expect(again.body).toBe('');
    const head = await t.app.inject({ method: 'HEAD', url: '/sdk/v1/bevatel-dashboard-app.js' });
    expect(head.statusCode).toBe(200);
    const map = await request(t.app, 'GET', '/sdk/v1/bevatel-dashboard-app.global.js.map');
    expect(map.statusCode).toBe(200);
    expect(map.headers['content-type']).toBe('application/json');
  });

  it('serves a rebuilt bundle at once, with a new ETag', async () => {
    const first = await request(t.app, 'GET', '/sdk/v1/bevatel-dashboard-app.js');
    const rebuilt = `${BUNDLE}// rebuilt\n`;
    writeFileSync(join(sdkDir, 'dist/bevatel-dashboard-app.global.js'), rebuilt);
    const second = await request(t.app, 'GET', '/sdk/v1/bevatel-dashboard-app.js');
    expect(second.body).toBe(rebuilt);
    expect(second.headers.etag).not.toBe(first.headers.etag);
    writeFileSync(join(sdkDir, 'dist/bevatel-dashboard-app.global.js'), BUNDLE);
  });

  it('serves the npm tarball of its version only', async () => {
    const res = await request(t.app, 'GET', '/sdk/bevatel-dashboard-app-sdk-9.8.7.tgz');
    expect(res.statusCode).toBe(200);
    expect(res.body).toBe('tarball-bytes');
    expect(res.headers['content-type']).toBe('application/octet-stream');
    expect(res.headers['content-disposition']).toBe(
      'attachment; filename="bevatel-dashboard-app-sdk-9.8.7.tgz"',
    );
    for (const file of [
      'bevatel-dashboard-app-sdk-1.0.0.tgz',
      'package.json',
      '..%2Fpackage.json',
      '%2E%2E%2F%2E%2E%2Fetc%2Fpasswd',
    ]) {
      const wrong = await request(t.app, 'GET', `/sdk/${file}`, { as: null });
      expect(wrong.statusCode, file).toBe(404);
      expect(wrong.json()).toEqual({
        error: 'not_found',
        message: expect.stringContaining('/sdk/bevatel-dashboard-app-sdk-9.8.7.tgz'),
        statusCode: 404,
      });
    }
  });

  it('answers 404 JSON while the SDK is not built', async () => {
    const empty = await createTestApp(kind, { sdkDir: join(work, 'nothing-here') });
    try {
      for (const url of [
        '/sdk/v1/bevatel-dashboard-app.js',
        '/sdk/bevatel-dashboard-app-sdk-9.8.7.tgz',
      ]) {
        const res = await request(empty.app, 'GET', url);
        expect(res.statusCode, url).toBe(404);
        expect(res.json()).toMatchObject({ error: 'not_found', statusCode: 404 });
      }
    } finally {
      await empty.close();
    }
  });

  it('renders Markdown without passing raw HTML or script URLs through', async () => {
    const res = await request(t.app, 'GET', '/docs/dashboard-apps/en/', { as: null });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(res.headers['content-security-policy']).toContain("default-src 'none'");
    expect(res.headers['content-security-policy']).not.toContain('script-src');
    expect(res.body).not.toMatch(/<script|<img|href="javascript:/i);
    expect(res.body).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(res.body).toContain('[bad](javascript:alert(3))');
    expect(res.body).toMatch(/^<!doctype html>\n<html lang="en" dir="ltr">/);
    expect(res.body).toContain('<title>Building apps · Bevatel Dashboard Apps</title>');
  });

  it('links the guide’s pages to each other and names this installation in its examples', async () => {
    const { body } = await request(t.app, 'GET', '/docs/dashboard-apps/en');
    expect(body).toContain('href="/docs/dashboard-apps/en/payload-reference#the-message"');
    expect(body).toContain('href="/docs/dashboard-apps/ar/"');
    expect(body).toContain('href="https://example.com/x"');
    // Outside the guide: left as written, not turned into a page of this server.
    expect(body).toContain('href="../../../README.md"');
    expect(body).toContain(
      'npm install https://dash.example.com/sdk/bevatel-dashboard-app-sdk-9.8.7.tgz',
    );
    expect(body).toContain(`integrity=&quot;${sri(BUNDLE)}&quot;`);
    expect(body).toContain('id="quick-start-plain-html-script-tag"');
    expect(body).toContain('id="quick-start-plain-html-script-tag-1"');
    expect(body).toContain('<link rel="stylesheet" href="/docs/dashboard-apps/docs.css">');
    expect(body).toContain('hreflang="ar"');
  });

  it('renders the Arabic pages right to left, with their own heading ids', async () => {
    const res = await request(t.app, 'GET', '/docs/dashboard-apps/ar/');
    expect(res.statusCode).toBe(200);
    expect(res.body).toMatch(/<html lang="ar" dir="rtl">/);
    expect(res.body).toContain('id="البدء-السريع"');
    const css = await request(t.app, 'GET', '/docs/dashboard-apps/docs.css');
    expect(css.headers['content-type']).toBe('text/css; charset=utf-8');
    expect(css.body).toContain('direction: ltr');
  });

  it('answers 404 JSON for anything that is not a page of the guide', async () => {
    for (const path of [
      'fr/',
      'en/missing',
      'en/..%2F..%2Fpackage.json',
      'en/../README',
      'README.md',
      'en/payload-reference/extra',
    ]) {
      const res = await request(t.app, 'GET', `/docs/dashboard-apps/${path}`, { as: null });
      expect(res.statusCode, path).toBe(404);
      expect(res.json()).toMatchObject({ error: 'not_found', statusCode: 404 });
    }
  });
});

describe('the repository’s own guide, rendered', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp('sqlite', { docsDir: REPO_DOCS });
  });
  afterAll(() => t.close());

  it('has every internal link and #anchor pointing at a page and a heading that exist', async () => {
    const seen = new Map<string, string>();
    const queue = ['/docs/dashboard-apps/'];
    while (queue.length) {
      const path = queue.shift() as string;
      if (seen.has(path)) continue;
      const res = await request(t.app, 'GET', path);
      expect(res.statusCode, path).toBe(200);
      seen.set(path, res.body);
      for (const [, href] of res.body.matchAll(/href="([^"]+)"/g)) {
        const target = (href as string).split('#')[0] as string;
        expect(href, `relative link left in ${path}`).not.toMatch(/\.md(#|$)/);
        if (target.startsWith('/docs/dashboard-apps/') && !target.endsWith('.css')) {
          queue.push(target);
        }
      }
    }
    expect([...seen.keys()]).toEqual(
      expect.arrayContaining([
        '/docs/dashboard-apps/en/',
        '/docs/dashboard-apps/ar/',
        '/docs/dashboard-apps/en/payload-reference',
        '/docs/dashboard-apps/ar/payload-reference',
      ]),
    );
    for (const [path, body] of seen) {
      for (const [, href] of body.matchAll(/href="([^"]*#[^"]+)"/g)) {
        const [page, fragment] = (href as string).split('#') as [string, string];
        const target = page === '' ? body : seen.get(page);
        expect(target, `${href} in ${path}`).toBeDefined();
        expect(target, `${href} in ${path}`).toContain(`id="${decodeURIComponent(fragment)}"`);
      }
      expect(body, path).not.toMatch(/<script/i);
    }
  });

  it('lists every page of the guide in its navigation bar, in both languages', async () => {
    for (const lang of ['en', 'ar']) {
      const { body } = await request(t.app, 'GET', `/docs/dashboard-apps/${lang}/`);
      const nav = /<nav[^>]*>([\s\S]*?)<\/nav>/.exec(body)?.[1] ?? '';
      for (const file of readdirSync(join(REPO_DOCS, lang)).filter((f) => f.endsWith('.md'))) {
        const page = file === 'README.md' ? '' : file.replace(/\.md$/, '');
        expect(nav, `${lang}/${file}`).toContain(`href="/docs/dashboard-apps/${lang}/${page}"`);
      }
    }
  });
});
