import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { connectDatabase, type DatabaseHandle } from '../db/connect';
import type { DialectName } from '../db/dialect';
import { migrateToLatest } from '../db/migrate';

/** Both databases every data-layer and API test runs on. */
export const DATABASE_KINDS: readonly DialectName[] = ['sqlite', 'postgres'];

export const POSTGRES_ADMIN_URL =
  process.env.TEST_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

export interface TestDatabase {
  handle: DatabaseHandle;
  url: string;
  /** Closes the connection and removes the database. */
  drop(): Promise<void>;
}

async function adminQuery(sql: string): Promise<void> {
  const client = new pg.Client({
    connectionString: POSTGRES_ADMIN_URL,
    connectionTimeoutMillis: 5000,
  });
  try {
    await client.connect();
  } catch (error) {
    // Never skip silently: PostgreSQL is the production database and must be tested.
    throw new Error(
      `PostgreSQL is unreachable at ${POSTGRES_ADMIN_URL} (${String(error)}). Start it (see README) or set TEST_POSTGRES_URL.`,
    );
  }
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

/**
 * A fresh, migrated database: an in-memory SQLite, or a new PostgreSQL database of its own.
 * `migrate: false` leaves it empty (migration tests bring it up step by step).
 */
export async function createTestDatabase(
  kind: DialectName,
  { migrate = true }: { migrate?: boolean } = {},
): Promise<TestDatabase> {
  if (kind === 'sqlite') {
    const url = 'sqlite::memory:';
    const handle = connectDatabase(url);
    if (migrate) await migrateToLatest(handle.db, handle.dialect);
    return { handle, url, drop: () => handle.close() };
  }
  const name = `bevatel_test_${process.pid}_${randomBytes(4).toString('hex')}`;
  await adminQuery(`CREATE DATABASE ${name}`);
  const url = new URL(POSTGRES_ADMIN_URL);
  url.pathname = `/${name}`;
  // DROP DATABASE … WITH (FORCE) ends connections the pool is still closing: expected here.
  const handle = connectDatabase(url.toString(), {
    onIdleError: (error) => {
      if ((error as { code?: string }).code !== '57P01') throw error;
    },
  });
  if (migrate) await migrateToLatest(handle.db, handle.dialect);
  return {
    handle,
    url: url.toString(),
    drop: async () => {
      await handle.close();
      await adminQuery(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    },
  };
}
