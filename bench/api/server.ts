/**
 * A benchmark target in its own process (so the load generator does not share its event
 * loop): `real` is the full server on DATABASE_URL; `bare` is a bare Fastify answering the same
 * JSON bodies from memory. Prints `READY <port>` once listening.
 */
import { readFileSync } from 'node:fs';
import Fastify from 'fastify';
import { buildApp } from '../../apps/server/src/app';
import { connectOptionsOf, loadConfig } from '../../apps/server/src/config';
import { connectDatabase } from '../../apps/server/src/db/connect';

/** JSON bodies by scenario; the load generator names its scenario in `x-bench-body`. */
type Bodies = Record<string, unknown>;

async function main(): Promise<void> {
  const mode = process.argv[2];
  if (mode === 'real') {
    const config = loadConfig({ ...process.env, WEB_DIST: '', SEED: '0', PORT: '0' });
    const database = connectDatabase(config.databaseUrl, connectOptionsOf(config));
    const app = await buildApp({ config, database, logger: false });
    await app.listen({ port: 0, host: '127.0.0.1' });
    const address = app.server.address();
    console.log(`READY ${typeof address === 'object' && address ? address.port : 0}`);
    return;
  }
  if (mode === 'bare') {
    const bodies = JSON.parse(readFileSync(process.argv[3] ?? '', 'utf8')) as Bodies;
    const app = Fastify({ logger: false });
    const prefix = '/api/v1/accounts/:account_id/conversations';
    const answer = async (request: { headers: Record<string, unknown> }) =>
      bodies[String(request.headers['x-bench-body'])] ?? {};
    app.get(prefix, answer);
    app.get(`${prefix}/:id`, answer);
    app.get(`${prefix}/:id/messages`, answer);
    await app.listen({ port: 0, host: '127.0.0.1' });
    const address = app.server.address();
    console.log(`READY ${typeof address === 'object' && address ? address.port : 0}`);
    return;
  }
  throw new Error('usage: server.ts real | bare <bodies.json>');
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
