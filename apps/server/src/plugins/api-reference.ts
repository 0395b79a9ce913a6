/**
 * The API reference page: the OpenAPI description (GET /api/openapi.json) rendered by Scalar's
 * standalone bundle, served from this server's node_modules (no CDN: the page works offline
 * and behind a strict CSP).
 *
 *   GET /docs/api                 the page
 *   GET /docs/api/reference.js    the renderer
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { HttpError } from '../lib/errors';
import { OPENAPI_PATH } from './openapi';

export const API_REFERENCE_PATH = '/docs/api';
const SCRIPT_PATH = `${API_REFERENCE_PATH}/reference.js`;

// Scalar sets styles at run time (hence 'unsafe-inline' for styles only) and fetches the
// description from this server; no other origin is reachable from the page (fonts, proxies,
// the hosted client), so nothing leaves for a third party.
const PAGE_CSP = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "worker-src 'self' blob:",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

// Nothing from Scalar's servers: no web fonts (the system's read as well), no "ask the agent"
// chat (it calls their registry), no developer toolbar (share/deploy to their hosting; it shows
// on localhost unless told not to).
const CONFIGURATION = JSON.stringify({
  withDefaultFonts: false,
  agent: { disabled: true },
  showDeveloperTools: 'never',
});

const PAGE = `<!doctype html>
<html lang="en" dir="ltr">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Bevatel API reference</title>
</head>
<body>
<script id="api-reference" data-url="${OPENAPI_PATH}" data-configuration='${CONFIGURATION}'></script>
<script src="${SCRIPT_PATH}"></script>
</body>
</html>
`;

/** Scalar's browser bundle, read once; null when the package is not installed. */
function loadRenderer(): { body: Buffer; etag: string } | null {
  try {
    const entry = createRequire(import.meta.url).resolve('@scalar/api-reference');
    const body = readFileSync(join(dirname(entry), 'browser', 'standalone.js'));
    const etag = `"${createHash('sha256').update(body).digest('base64url').slice(0, 27)}"`;
    return { body, etag };
  } catch {
    return null;
  }
}

export async function apiReferencePlugin(app: FastifyInstance): Promise<void> {
  let renderer: ReturnType<typeof loadRenderer> | undefined;

  app.get(API_REFERENCE_PATH, (_request, reply) =>
    reply
      .headers({
        'content-type': 'text/html; charset=utf-8',
        'cache-control': 'no-cache',
        'content-security-policy': PAGE_CSP,
      })
      .send(PAGE),
  );

  app.get(SCRIPT_PATH, (request, reply) => {
    renderer ??= loadRenderer();
    if (!renderer) throw new HttpError('not_found', 'The API reference renderer is not installed');
    reply.headers({
      'content-type': 'text/javascript; charset=utf-8',
      'cache-control': 'public, max-age=3600',
      etag: renderer.etag,
    });
    if (request.headers['if-none-match'] === renderer.etag) return reply.code(304).send();
    return reply.send(renderer.body);
  });
}
