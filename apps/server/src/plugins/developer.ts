/**
 * What app developers get from any installation, without an account: the SDK (script-tag
 * bundle and npm tarball) and the Dashboard Apps guide rendered in English and Arabic.
 *
 *   GET /sdk/v1/bevatel-dashboard-app.js            script bundle, loadable from any origin
 *   GET /sdk/bevatel-dashboard-app-sdk-<version>.tgz  `npm install <that URL>`
 *   GET /docs/dashboard-apps/[en|ar/][page]          the guide (docs/dashboard-apps/*.md)
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { docsPage, DOCS_CSS, type DocsLanguage, type DocsLink } from '../lib/docs-page';
import { renderMarkdown } from '../lib/docs-markdown';
import { HttpError } from '../lib/errors';
import {
  SCRIPT_BUNDLE,
  SCRIPT_SOURCE_MAP,
  sdkFiles,
  tarballName,
  type SdkFile,
} from '../lib/sdk-files';

export interface DeveloperPluginOptions {
  /** The SDK package folder (its package.json, dist/ and release/), or null to serve none. */
  sdkDir: string | null;
  /** The guide's folder (docs/dashboard-apps), or null to serve none. */
  docsDir: string | null;
  /** PUBLIC_URL: its origin is the one the guide's examples name. */
  publicUrl: string;
}

export const SDK_SCRIPT_PATH = '/sdk/v1/bevatel-dashboard-app.js';
export const DOCS_PATH = '/docs/dashboard-apps';

// Apps on other origins load the bundle with <script crossorigin integrity=…>: CORS and CORP
// must allow it. Within a version the bytes only change with a new build, hence revalidation.
const CROSS_ORIGIN_FILE = {
  'access-control-allow-origin': '*',
  'cross-origin-resource-policy': 'cross-origin',
  'x-content-type-options': 'nosniff',
  'cache-control': 'public, max-age=3600, stale-while-revalidate=86400',
};

// The guide's pages are static text: no script at all, styles from this server only.
const DOCS_CSP =
  "default-src 'none'; style-src 'self'; img-src 'self' data:; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

function sendSdkFile(
  request: FastifyRequest,
  reply: FastifyReply,
  file: SdkFile | null,
  type: string,
  what: string,
) {
  if (!file) throw new HttpError('not_found', `${what} is not built on this server`);
  reply.headers({ ...CROSS_ORIGIN_FILE, etag: file.etag, 'content-type': type });
  if (request.headers['if-none-match'] === file.etag) return reply.code(304).send();
  return reply.send(file.body);
}

const PAGE_LABELS: Record<string, Record<DocsLanguage, string>> = {
  README: { en: 'Guide', ar: 'الدليل' },
  'context-lifecycle': { en: 'Context lifecycle', ar: 'دورة حياة السياق' },
  'payload-reference': { en: 'Payload reference', ar: 'مرجع الحمولة' },
  'level-2': { en: 'Level 2', ar: 'المستوى الثاني' },
  'level2-reference': { en: 'Level 2 reference', ar: 'مرجع المستوى الثاني' },
};
const LANGUAGE_NAMES: Record<DocsLanguage, string> = { en: 'English', ar: 'العربية' };
const PAGE_PATH = /^(?:(en|ar)(?:\/([A-Za-z0-9-]+?)(?:\.md)?)?)?\/?$/;

export async function developerPlugin(
  app: FastifyInstance,
  { sdkDir, docsDir, publicUrl }: DeveloperPluginOptions,
): Promise<void> {
  const sdk = sdkDir ? sdkFiles(sdkDir) : null;

  if (sdk) {
    app.get(SDK_SCRIPT_PATH, (request, reply) =>
      sendSdkFile(
        request,
        reply,
        sdk.file(SCRIPT_BUNDLE),
        'text/javascript; charset=utf-8',
        'The SDK bundle',
      ),
    );
    // The bundle ends with `sourceMappingURL=bevatel-dashboard-app.global.js.map` (relative).
    app.get('/sdk/v1/bevatel-dashboard-app.global.js.map', (request, reply) =>
      sendSdkFile(
        request,
        reply,
        sdk.file(SCRIPT_SOURCE_MAP),
        'application/json',
        'The SDK source map',
      ),
    );
    app.get<{ Params: { file: string } }>('/sdk/:file', (request, reply) => {
      const version = sdk.version();
      if (!version) throw new HttpError('not_found', 'This server has no SDK');
      if (request.params.file !== tarballName(version)) {
        throw new HttpError(
          'not_found',
          `No such SDK file; this server serves version ${version}: /sdk/${tarballName(version)}`,
        );
      }
      reply.header('content-disposition', `attachment; filename="${tarballName(version)}"`);
      return sendSdkFile(
        request,
        reply,
        sdk.file(`release/${tarballName(version)}`),
        'application/octet-stream',
        'The SDK tarball',
      );
    });
  }

  if (!docsDir) return;
  const origin = new URL(publicUrl).origin;
  const pageUrl = (file: string): string | null => {
    if (!existsSync(join(docsDir, file))) return null;
    const match = /^(?:(en|ar)\/)?([A-Za-z0-9-]+)\.md$/.exec(file);
    if (!match) return null;
    const [, lang, name] = match;
    const folder = lang ? `${DOCS_PATH}/${lang}/` : `${DOCS_PATH}/`;
    return name === 'README' ? folder : `${folder}${name}`;
  };
  /** The guide's pages of a language in menu order: the guide first, then as PAGE_LABELS. */
  const pagesOf = (lang: DocsLanguage): string[] => {
    const known = Object.keys(PAGE_LABELS).filter((name) =>
      existsSync(join(docsDir, lang, `${name}.md`)),
    );
    return known;
  };
  const cache = new Map<string, { key: string; html: string }>();

  const render = (file: string, lang: DocsLanguage, name: string): string | null => {
    const path = join(docsDir, file);
    let mtime: number;
    try {
      mtime = statSync(path).mtimeMs;
    } catch {
      return null;
    }
    const version = sdk?.version() ?? null;
    const integrity = sdk?.file(SCRIPT_BUNDLE)?.integrity ?? null;
    const key = `${mtime}|${version}|${integrity}`;
    const cached = cache.get(file);
    if (cached?.key === key) return cached.html;
    // The install instructions name this installation's URLs and the SDK it serves.
    const source = readFileSync(path, 'utf8')
      .replaceAll('{{dashboard_origin}}', origin)
      .replaceAll('{{sdk_version}}', version ?? '<version>')
      .replaceAll('{{sdk_integrity}}', integrity ?? 'sha384-<the SDK is not built>');
    const rendered = renderMarkdown(source, { file, pageUrl });
    const isIndex = !file.includes('/');
    const nav: DocsLink[] = isIndex
      ? (['en', 'ar'] as const).map((l) => ({
          href: `${DOCS_PATH}/${l}/`,
          label: `${PAGE_LABELS.README?.[l]} · ${LANGUAGE_NAMES[l]}`,
        }))
      : pagesOf(lang).map((page) => ({
          href: pageUrl(`${lang}/${page}.md`) ?? '',
          label: PAGE_LABELS[page]?.[lang] ?? page,
          current: page === name,
        }));
    const other: DocsLanguage = lang === 'en' ? 'ar' : 'en';
    const alternateUrl = isIndex ? null : pageUrl(`${other}/${name}.md`);
    const html = docsPage({
      lang,
      title: rendered.title,
      body: rendered.html,
      nav,
      alternate: alternateUrl
        ? { href: alternateUrl, label: LANGUAGE_NAMES[other], lang: other }
        : null,
      stylesheet: `${DOCS_PATH}/docs.css`,
    });
    cache.set(file, { key, html });
    return html;
  };

  const servePage = (rest: string, reply: FastifyReply) => {
    if (rest === 'docs.css') {
      return reply
        .headers({
          'content-type': 'text/css; charset=utf-8',
          'cache-control': 'public, max-age=3600',
        })
        .send(DOCS_CSS);
    }
    const match = PAGE_PATH.exec(rest);
    const lang = (match?.[1] ?? 'en') as DocsLanguage;
    const name = match?.[2] ?? 'README';
    const file = match?.[1] ? `${lang}/${name}.md` : 'README.md';
    const html = match && (match[1] || !match[2]) ? render(file, lang, name) : null;
    if (html === null) throw new HttpError('not_found', 'No such page in the Dashboard Apps guide');
    return reply
      .headers({
        'content-type': 'text/html; charset=utf-8',
        'cache-control': 'no-cache',
        'content-security-policy': DOCS_CSP,
        'x-content-type-options': 'nosniff',
        'referrer-policy': 'strict-origin-when-cross-origin',
      })
      .send(html);
  };

  // No redirects between "/x" and "/x/": links are absolute, and a server that ignores
  // trailing slashes must not loop.
  app.get(DOCS_PATH, (_request, reply) => servePage('', reply));
  app.get<{ Params: { '*': string } }>(`${DOCS_PATH}/*`, (request, reply) =>
    servePage(request.params['*'], reply),
  );
}
