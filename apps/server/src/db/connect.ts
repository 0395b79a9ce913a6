import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import SQLite from 'better-sqlite3';
import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import { dialectOf, type DialectName } from './dialect';
import { FifoSqliteDialect } from './fifo-driver';
import type { Database } from './schema';
import { withStatementCache } from './statement-cache';

// int8 (counts, bigint times) arrives as a string from pg; our values fit in a double.
pg.types.setTypeParser(20, (value) => Number(value));

export interface DatabaseHandle {
  db: Kysely<Database>;
  dialect: DialectName;
  close(): Promise<void>;
}

function sqlitePath(databaseUrl: string): string {
  return databaseUrl.replace(/^sqlite:(\/\/)?/i, '').replace(/^file:/i, '');
}

export interface ConnectOptions {
  /**
   * An idle pooled PostgreSQL connection failed (server restart, network, administrator). pg
   * emits that on the pool, and an unhandled emit would end the process; the pool replaces the
   * connection on next use.
   */
  onIdleError?: (error: Error) => void;
}

const logIdleError = (error: Error) =>
  console.error(`PostgreSQL: an idle connection failed and will be replaced (${error.message})`);

/** Opens the database a URL names: `postgres://…` or a SQLite file path (`sqlite:./data/x.db`). */
export function connectDatabase(databaseUrl: string, options: ConnectOptions = {}): DatabaseHandle {
  const dialect = dialectOf(databaseUrl);
  if (dialect === 'postgres') {
    const pool = new pg.Pool({ connectionString: databaseUrl, max: 10 });
    pool.on('error', options.onIdleError ?? logIdleError);
    const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
    return { db, dialect, close: () => db.destroy() };
  }
  const path = sqlitePath(databaseUrl);
  if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
  const sqlite = new SQLite(path);
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('busy_timeout = 5000');
  sqlite.pragma('synchronous = NORMAL');
  const db = new Kysely<Database>({
    dialect: new FifoSqliteDialect({ database: withStatementCache(sqlite) }),
  });
  return { db, dialect, close: () => db.destroy() };
}
