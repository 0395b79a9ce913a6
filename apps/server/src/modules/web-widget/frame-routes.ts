/**
 * The widget's files: the launcher (`/packs/js/sdk.js`, Chatwoot's path, loaded by the
 * customer's site, so it is the one file here another origin may load) and the chat frame
 * (`/widget`), which only the widget's allowed sites may embed: its frame-ancestors is built
 * per widget from allowed_domains (any site when the list is empty).
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import { notFound } from '../../lib/errors';
import { frameAncestors } from './domains';
import { allowedDomainsOf } from './presenter';
import { widgetByWebsiteToken } from './queries';
import { LAUNCHER_PATH } from './snippet';

const FILES = {
  'sdk.js': 'text/javascript; charset=utf-8',
  'frame.js': 'text/javascript; charset=utf-8',
  'frame.css': 'text/css; charset=utf-8',
  'frame.html': 'text/html; charset=utf-8',
} as const;
type WidgetFile = keyof typeof FILES;

const FrameQuery = Type.Object(
  {
    website_token: Type.String({ pattern: '^[A-Za-z0-9_-]{1,64}$' }),
    locale: Type.Optional(Type.Union([Type.Literal('en'), Type.Literal('ar')])),
  },
  { additionalProperties: false },
);

function framePolicy(ancestors: string): string {
  return [
    "default-src 'none'",
    "script-src 'self'",
    "style-src 'self'",
    "img-src 'self' data:",
    "connect-src 'self'",
    "base-uri 'none'",
    "form-action 'none'",
    `frame-ancestors ${ancestors}`,
  ].join('; ');
}

export async function widgetFileRoutes(
  scope: FastifyInstance,
  { root }: { root: string },
): Promise<void> {
  if (!existsSync(join(root, 'sdk.js'))) {
    scope.log.warn({ root }, 'web widget not built; run `npm run build -w @bevatel/widget`');
    return;
  }
  const files = new Map(
    (Object.keys(FILES) as WidgetFile[]).map((name) => [name, readFileSync(join(root, name))]),
  );
  const app = scope.withTypeProvider<TypeBoxTypeProvider>();

  app.get(LAUNCHER_PATH, async (_request, reply) =>
    reply
      .header('content-type', FILES['sdk.js'])
      // Loaded by <script> from the customer's site: another origin may embed this one file.
      .header('cross-origin-resource-policy', 'cross-origin')
      .header('cache-control', 'public, max-age=300')
      .send(files.get('sdk.js')),
  );

  for (const name of ['frame.js', 'frame.css'] as const) {
    app.get(`/widget/${name}`, async (_request, reply) =>
      reply
        .header('content-type', FILES[name])
        .header('cache-control', 'public, max-age=300')
        .send(files.get(name)),
    );
  }

  app.get('/widget', { schema: { querystring: FrameQuery } }, async (request, reply) => {
    const widget = await widgetByWebsiteToken(app.db, request.query.website_token);
    if (!widget) throw notFound('Widget');
    reply.removeHeader('x-frame-options');
    return reply
      .header('content-type', FILES['frame.html'])
      .header('cache-control', 'no-cache')
      .header('content-security-policy', framePolicy(frameAncestors(allowedDomainsOf(widget))))
      .send(files.get('frame.html'));
  });
}
