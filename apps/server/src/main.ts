import { buildApp } from './app';
import { loadConfig } from './config';
import { connectDatabase } from './db/connect';
import { migrateToLatest } from './db/migrate';
import { loggerOptions } from './lib/logging';
import { seedDemo } from './seed';

/** The server process: migrate, seed when empty, listen, and shut down cleanly on a signal. */
async function main(): Promise<void> {
  const config = loadConfig();
  const database = connectDatabase(config.databaseUrl);
  await migrateToLatest(database.db, database.dialect);
  const logger = loggerOptions(config.logLevel);
  const app = await buildApp({ config, database, logger });
  if (config.seed) {
    const seeded = await seedDemo(database.db, config);
    if (seeded.created) app.log.info({ accountId: seeded.accountId }, 'demo account created');
  }

  let closing = false;
  const shutdown = async (signal: string) => {
    if (closing) return;
    closing = true;
    app.log.info({ signal }, 'shutting down');
    const timer = setTimeout(() => process.exit(1), 10_000).unref();
    await app.close();
    await database.close();
    clearTimeout(timer);
    process.exit(0);
  };
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
  process.on('SIGINT', () => void shutdown('SIGINT'));

  await app.listen({ port: config.port, host: config.host });
  const url = config.publicUrl;
  console.log(`\n  Bevatel dashboard: ${url}/app`);
  if (config.seed) console.log(`  Sign in as ${config.adminEmail} / ${config.adminPassword}\n`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
