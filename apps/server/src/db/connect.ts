import {
  accessSync,
  closeSync,
  constants,
  existsSync,
  mkdirSync,
  openSync,
  statSync,
} from 'node:fs';
import { dirname, resolve } from 'node:path';
import SQLite from 'better-sqlite3';
import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import { dialectOf, type DialectName } from './dialect';
import { FifoSqliteDialect } from './fifo-driver';
import { createPostgresPool } from './postgres-pool';
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

/** How long queries may wait; see the README (DB_ACQUIRE_TIMEOUT_MS, DB_STATEMENT_TIMEOUT_MS). */
export interface DatabaseTimeouts {
  /** Wait for a connection (PostgreSQL pool, SQLite queue) or another process's SQLite lock. */
  acquireMs: number;
  /** PostgreSQL statement_timeout; 0 for none (migrations). */
  statementMs: number;
}

export const DEFAULT_TIMEOUTS: DatabaseTimeouts = { acquireMs: 3000, statementMs: 5000 };

/**
 * SQLite's `synchronous` in WAL mode: FULL syncs the log on every commit, so an acknowledged
 * write survives a power loss; NORMAL syncs only at checkpoints, faster, and survives a
 * process crash but may lose the last commits on power loss (docs/BENCHMARKS.md).
 */
export type SqliteSynchronous = 'FULL' | 'NORMAL';
export const SQLITE_SYNCHRONOUS_VALUES: readonly SqliteSynchronous[] = ['FULL', 'NORMAL'];
export const DEFAULT_POOL_SIZE = 10;

export interface ConnectOptions {
  timeouts?: DatabaseTimeouts;
  /** SQLite only; FULL unless told. */
  sqliteSynchronous?: SqliteSynchronous;
  /** PostgreSQL connections at most. */
  poolSize?: number;
  /** PostgreSQL: prepare repeated statements by name (default true; false to migrate). */
  prepare?: boolean;
  /**
   * An idle pooled PostgreSQL connection failed (server restart, network, administrator). pg
   * emits that on the pool, and an unhandled emit would end the process; the pool replaces the
   * connection on next use.
   */
  onIdleError?: (error: Error) => void;
}

const logIdleError = (error: Error) =>
  console.error(`PostgreSQL: an idle connection failed and will be replaced (${error.message})`);

/**
 * The database holds everyone's conversations: its directory is created 0700 and the file 0600
 * before SQLite opens it (its -wal and -shm files take the file's mode).
 */
function prepareSqliteFile(path: string): void {
  mkdirSync(dirname(path), { recursive: true, mode: 0o700 });
  if (!existsSync(path)) closeSync(openSync(path, 'a', 0o600));
}

/** Opens the database a URL names: `postgres://…` or a SQLite file path (`sqlite:./data/x.db`). */
export function connectDatabase(databaseUrl: string, options: ConnectOptions = {}): DatabaseHandle {
  const dialect = dialectOf(databaseUrl);
  const timeouts = options.timeouts ?? DEFAULT_TIMEOUTS;
  if (dialect === 'postgres') {
    const pool = createPostgresPool(databaseUrl, {
      max: options.poolSize ?? DEFAULT_POOL_SIZE,
      acquireTimeoutMs: timeouts.acquireMs,
      statementTimeoutMs: timeouts.statementMs,
      onIdleError: options.onIdleError ?? logIdleError,
      prepare: options.prepare ?? true,
    });
    const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
    return { db, dialect, close: () => db.destroy() };
  }
  const path = sqlitePath(databaseUrl);
  const sqlite = openSqlite(path);
  sqlite.pragma(`synchronous = ${options.sqliteSynchronous ?? 'FULL'}`);
  const db = new Kysely<Database>({
    dialect: new FifoSqliteDialect({
      database: withStatementCache(sqlite),
      acquireTimeoutMs: timeouts.acquireMs,
      inTransaction: () => sqlite.inTransaction,
    }),
  });
  return { db, dialect, close: () => db.destroy() };
}

/** Opens (creating it and its directory if needed) a SQLite file; failures name the path. */
function openSqlite(path: string): SQLite.Database {
  const where = path === ':memory:' ? path : resolve(path);
  try {
    if (path !== ':memory:') prepareSqliteFile(where);
    const sqlite = new SQLite(path);
    sqlite.pragma('journal_mode = WAL');
    sqlite.pragma('foreign_keys = ON');
    // The driver waits for other processes' locks itself, without blocking the event loop.
    sqlite.pragma('busy_timeout = 0');
    return sqlite;
  } catch (error) {
    const why = path === ':memory:' ? null : whyCannotOpen(where);
    throw new Error(`cannot open the SQLite database ${where}${why ? ` (${why})` : ''}`, {
      cause: error,
    });
  }
}

/** What SQLite's "unable to open database file" usually means, found out on the file system. */
function whyCannotOpen(file: string): string | null {
  const directory = dirname(file);
  try {
    if (statSync(file, { throwIfNoEntry: false })?.isDirectory()) return 'it is a directory';
    accessSync(directory, constants.W_OK);
    return null;
  } catch (error) {
    const code = (error as { code?: string }).code ?? 'error';
    return `its directory ${directory} is not writable: ${code}`;
  }
}
