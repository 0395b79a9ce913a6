import { buildApp } from './app';
import { connectOptionsOf, loadConfig } from './config';
import { connectDatabase } from './db/connect';
import { dialectOf } from './db/dialect';
import { databaseFault } from './db/faults';
import { migrateToLatest } from './db/migrate';
import { loggerOptions } from './lib/logging';
import { describeError, redactedUrl, startupStep } from './lib/startup-error';
import { seedDemo } from './seed';

/** The server process: migrate, seed when empty, listen, and shut down cleanly on a signal. */
async function main(): Promise<void> {
  const config = await startupStep('invalid configuration', () => loadConfig());
  const where = redactedUrl(config.databaseUrl);
  // Migrations may run long (an index on a large table): no statement timeout for them.
  const migrating = connectDatabase(config.databaseUrl, {
    ...connectOptionsOf(config),
    timeouts: { ...config.dbTimeouts, statementMs: 0 },
    poolSize: 1,
    // DDL changes what a prepared statement would return: migrations parse every statement.
    prepare: false,
  });
  try {
    await migrateToLatest(migrating.db, migrating.dialect, {
      secretKeyBase: config.secretKeyBase,
    });
  } catch (error) {
    const unreachable = dialectOf(config.databaseUrl) === 'postgres' && databaseFault(error);
    throw new Error(
      `${unreachable ? 'cannot reach PostgreSQL at' : 'cannot migrate the database'} ${where}`,
      { cause: error },
    );
  } finally {
    await migrating.close();
  }
  const database = connectDatabase(config.databaseUrl, connectOptionsOf(config));
  const logger = loggerOptions(config.logLevel);
  const app = await buildApp({ config, database, logger });
  // `npm start` (STARTUP_BANNER=0) prints one block of its own once the example apps answer too.
  const banner = process.env.STARTUP_BANNER !== '0';
  if (config.seed) {
    const seeded = await seedDemo(database.db, config, banner ? {} : { log: () => undefined });
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

  await startupStep(`cannot listen on ${config.host}:${config.port}`, () =>
    app.listen({ port: config.port, host: config.host }),
  );
  if (!banner) return;
  const url = config.publicUrl;
  console.log(`\n  Bevatel dashboard: ${url}/app`);
  if (config.seed) console.log(`  Sign in as ${config.adminEmail} / ${config.adminPassword}\n`);
}

// One line that says what failed, on which path or address, and why (no stack trace).
main().catch((error: unknown) => {
  console.error(`bevatel: cannot start: ${describeError(error)}`);
  process.exit(1);
});
