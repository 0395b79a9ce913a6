import { existsSync } from 'node:fs';
import { join } from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';

/**
 * Serves the built dashboard: assets as files, and index.html for every /app/* deep link so the
 * client router can take over. `/` goes to the dashboard.
 */
export async function webPlugin(app: FastifyInstance, { root }: { root: string }): Promise<void> {
  if (!existsSync(join(root, 'index.html'))) {
    app.log.warn({ root }, 'web app not built; run `npm run build -w @bevatel/web`');
    return;
  }
  await app.register(fastifyStatic, { root, prefix: '/', wildcard: false, index: false });
  // index.html names the hashed assets of the current build: never serve a stale copy.
  const sendIndex = (_request: FastifyRequest, reply: FastifyReply) =>
    reply.header('cache-control', 'no-cache').sendFile('index.html');
  app.get('/', (_request, reply) => reply.redirect('/app'));
  app.get('/app', sendIndex);
  app.get('/app/*', sendIndex);
}
