import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, posix } from 'node:path';
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';
import { init, parse } from 'es-module-lexer';
import { REPO_ROOT } from '../../e2e/support/paths';

/** Sizes in bytes of a set of files: as served (minified) and gzip level 9. */
export interface Sizes {
  files: string[];
  raw: number;
  gzip: number;
}

const gzipSize = (bytes: Uint8Array) => gzipSync(bytes, { level: 9 }).length;

/** Sizes of files in the build, by their URL path (`/assets/x.js`). */
export function sizesOf(dist: string, paths: Iterable<string>): Sizes {
  const files = [...new Set(paths)].sort();
  let raw = 0;
  let gzip = 0;
  for (const path of files) {
    const bytes = readFileSync(join(dist, path));
    raw += bytes.length;
    gzip += gzipSize(bytes);
  }
  return { files, raw, gzip };
}

const attribute = (tag: string, name: string) =>
  new RegExp(`\\s${name}\\s*=\\s*"([^"]*)"`, 'i').exec(tag)?.[1];

/** What index.html makes the browser fetch before anything runs: module scripts, modulepreloads, CSS. */
export function readIndexHtml(dist: string): {
  entries: string[];
  preloads: string[];
  css: string[];
} {
  const html = readFileSync(join(dist, 'index.html'), 'utf8');
  const entries: string[] = [];
  const preloads: string[] = [];
  const css: string[] = [];
  for (const [tag] of html.matchAll(/<script\b[^>]*>/gi)) {
    const src = attribute(tag, 'src');
    if (src && attribute(tag, 'type') === 'module') entries.push(src);
  }
  for (const [tag] of html.matchAll(/<link\b[^>]*>/gi)) {
    const rel = attribute(tag, 'rel');
    const href = attribute(tag, 'href');
    if (!href) continue;
    if (rel === 'modulepreload') preloads.push(href);
    if (rel === 'stylesheet') css.push(href);
  }
  if (entries.length === 0) throw new Error('index.html has no module script');
  return { entries, preloads, css };
}

/**
 * The entries and everything they import statically, transitively: the modules that must load
 * before the entry runs. Dynamic `import()`s (lazy routes) are left out.
 */
export async function staticGraph(dist: string, entries: string[]): Promise<string[]> {
  await init;
  const seen = new Set<string>();
  const queue = [...entries];
  while (queue.length > 0) {
    const path = queue.shift()!;
    if (seen.has(path)) continue;
    seen.add(path);
    const [imports] = parse(readFileSync(join(dist, path), 'utf8'), path);
    for (const entry of imports) {
      // t 1: a static import or re-export; 2 is import(), 3 import.meta.
      if (entry.t !== 1 || !entry.n) continue;
      queue.push(posix.resolve(posix.dirname(path), entry.n));
    }
  }
  return [...seen].sort();
}

/**
 * React + ReactDOM alone, as small as a production build makes them: `react-dom/client` and
 * `react`, bundled by esbuild, minified, NODE_ENV=production, from apps/web so the versions are
 * the dashboard's.
 */
export async function reactBaseline(): Promise<{ raw: number; gzip: number; version: string }> {
  const result = await build({
    stdin: {
      contents: [
        "import { createElement } from 'react';",
        "import { createRoot } from 'react-dom/client';",
        "createRoot(document.getElementById('root')).render(createElement('p', null, 'x'));",
      ].join('\n'),
      resolveDir: join(REPO_ROOT, 'apps/web'),
      loader: 'js',
    },
    bundle: true,
    minify: true,
    format: 'esm',
    platform: 'browser',
    target: 'es2022',
    define: { 'process.env.NODE_ENV': '"production"' },
    write: false,
    logLevel: 'silent',
  });
  const bytes = result.outputFiles[0]!.contents;
  const fromWeb = createRequire(join(REPO_ROOT, 'apps/web/package.json'));
  const pkg = JSON.parse(readFileSync(fromWeb.resolve('react/package.json'), 'utf8')) as {
    version: string;
  };
  return { raw: bytes.length, gzip: gzipSize(bytes), version: pkg.version };
}
