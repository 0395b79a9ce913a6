import { existsSync } from 'node:fs';
import { join } from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { dashboardPolicy } from './security-headers';

export interface WebOptions {
  /** The built dashboard (apps/web/dist). */
  root: string;
  /** Origins the signed-in user's dashboard may frame (their accounts' dashboard apps). */
  frameOriginsOf(userId: number): Promise<string[]>;
}

/**
 * Serves the built dashboard: assets as files, and index.html for every /app/* deep link so the
 * client router can take over. `/` goes to the dashboard. The page's CSP frames only the origins
 * of the signed-in person's dashboard apps (none for nobody).
 */
export async function webPlugin(
  app: FastifyInstance,
  { root, frameOriginsOf }: WebOptions,
): Promise<void> {
  if (!existsSync(join(root, 'index.html'))) {
    app.log.warn({ root }, 'web app not built; run `npm run build -w @bevatel/web`');
    return;
  }
  await app.register(fastifyStatic, { root, prefix: '/', wildcard: false, index: false });
  // index.html names the hashed assets of the current build: never serve a stale copy.
  const sendIndex = async (request: FastifyRequest, reply: FastifyReply) => {
    const origins = request.user ? await frameOriginsOf(request.user.id) : [];
    reply.header('content-security-policy', dashboardPolicy(origins));
    return reply.header('cache-control', 'no-cache').sendFile('index.html');
  };
  app.get('/', (_request, reply) => reply.redirect('/app'));
  app.get('/app', sendIndex);
  app.get('/app/*', sendIndex);
}
