import {
  CompiledQuery,
  SqliteDialect,
  type DatabaseConnection,
  type Driver,
  type QueryCompiler,
  type QueryResult,
  type SqliteDialectConfig,
  type TransactionSettings,
} from 'kysely';
import { DatabaseUnavailableError, isSqliteBusy } from './faults';

type CompileQuery = QueryCompiler['compileQuery'];

export interface FifoDriverOptions {
  /**
   * Longest a query waits for the connection (queued behind others) or for a write lock another
   * process holds; then it fails with DatabaseUnavailableError (a 503), never hangs.
   */
  acquireTimeoutMs: number;
  /** Whether the connection is inside a transaction now (better-sqlite3's `inTransaction`). */
  inTransaction: () => boolean;
}

interface Waiter {
  grant(): void;
  timer?: NodeJS.Timeout;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const FIRST_RETRY_MS = 5;
const LONGEST_RETRY_MS = 100;

/**
 * SQLite's single connection, handed to waiting queries first come, first served. Kysely's own
 * lock wakes every waiter on each release and lets them race for it, so under load some
 * requests wait for seconds (bench/api p99); queueing keeps the waits in arrival order.
 *
 * Waits are bounded: in the queue by `acquireTimeoutMs`, and for another process's write lock
 * too. better-sqlite3 is synchronous, so SQLite's own busy handler would stop the whole event
 * loop while it waits; instead SQLite gives up at once (busy_timeout 0), the connection goes to
 * the next query in line, and the statement is tried again after a short sleep. Transactions
 * begin IMMEDIATE so the write lock is taken (and waited for) before anything is done, where a
 * retry is safe.
 */
export class FifoDriver implements Driver {
  readonly #waiters: Waiter[] = [];
  #busy = false;
  readonly #connections = new WeakMap<DatabaseConnection, DatabaseConnection>();

  constructor(
    private readonly inner: Driver,
    private readonly options: FifoDriverOptions,
  ) {}

  init(): Promise<void> {
    return this.inner.init();
  }

  async acquireConnection(): Promise<DatabaseConnection> {
    await this.#take(this.options.acquireTimeoutMs, false);
    return this.#wrap(await this.inner.acquireConnection());
  }

  async releaseConnection(connection: DatabaseConnection): Promise<void> {
    try {
      await this.inner.releaseConnection(connection);
    } finally {
      this.#give();
    }
  }

  async beginTransaction(connection: DatabaseConnection, _settings: TransactionSettings) {
    await connection.executeQuery(CompiledQuery.raw('begin immediate'));
  }

  commitTransaction(connection: DatabaseConnection): Promise<void> {
    return this.inner.commitTransaction(connection);
  }

  async rollbackTransaction(connection: DatabaseConnection): Promise<void> {
    // SQLite rolls back by itself on some errors (SQLITE_FULL, I/O errors); a second rollback
    // would fail with "no transaction is active" and hide the real cause.
    if (!this.options.inTransaction()) return;
    await this.inner.rollbackTransaction(connection);
  }

  async savepoint(connection: DatabaseConnection, name: string, compile: CompileQuery) {
    await this.inner.savepoint?.(connection, name, compile);
  }

  async rollbackToSavepoint(connection: DatabaseConnection, name: string, compile: CompileQuery) {
    await this.inner.rollbackToSavepoint?.(connection, name, compile);
  }

  async releaseSavepoint(connection: DatabaseConnection, name: string, compile: CompileQuery) {
    await this.inner.releaseSavepoint?.(connection, name, compile);
  }

  destroy(): Promise<void> {
    return this.inner.destroy();
  }

  /** How many queries wait for the connection now. */
  get waiting(): number {
    return this.#waiters.length;
  }

  /** Waits for the connection; `front` puts a query that already waited back at the head. */
  #take(timeoutMs: number | null, front: boolean): Promise<void> {
    if (!this.#busy) {
      this.#busy = true;
      return Promise.resolve();
    }
    return new Promise<void>((resolve, reject) => {
      const waiter: Waiter = {
        grant: () => {
          clearTimeout(waiter.timer);
          resolve();
        },
      };
      if (timeoutMs !== null) {
        waiter.timer = setTimeout(() => {
          const at = this.#waiters.indexOf(waiter);
          if (at >= 0) this.#waiters.splice(at, 1);
          reject(
            new DatabaseUnavailableError(
              `SQLite: no connection within ${timeoutMs} ms (${this.#waiters.length} queries waiting)`,
            ),
          );
        }, timeoutMs);
      }
      if (front) this.#waiters.unshift(waiter);
      else this.#waiters.push(waiter);
    });
  }

  /** Hands over without freeing in between, so nobody can cut the queue. */
  #give(): void {
    const next = this.#waiters.shift();
    if (next) next.grant();
    else this.#busy = false;
  }

  #wrap(connection: DatabaseConnection): DatabaseConnection {
    const known = this.#connections.get(connection);
    if (known) return known;
    const wrapped: DatabaseConnection = {
      executeQuery: <R>(query: CompiledQuery): Promise<QueryResult<R>> =>
        this.options.inTransaction()
          ? connection.executeQuery<R>(query)
          : this.#retryWhileBusy(connection, () => connection.executeQuery<R>(query)),
      streamQuery: <R>(query: CompiledQuery, chunkSize?: number) =>
        connection.streamQuery<R>(query, chunkSize),
    };
    this.#connections.set(connection, wrapped);
    return wrapped;
  }

  /**
   * Runs a statement outside a transaction (BEGIN IMMEDIATE included: nothing of ours is open
   * yet, so trying again is safe) until another process lets go of the write lock or the wait
   * exceeds `acquireTimeoutMs`. Between tries the connection serves the queries queued behind.
   */
  async #retryWhileBusy<T>(connection: DatabaseConnection, run: () => Promise<T>): Promise<T> {
    const deadline = Date.now() + this.options.acquireTimeoutMs;
    for (let delay = FIRST_RETRY_MS; ; delay = Math.min(delay * 2, LONGEST_RETRY_MS)) {
      try {
        return await run();
      } catch (error) {
        if (!isSqliteBusy(error)) throw error;
        if (Date.now() + delay > deadline) {
          throw new DatabaseUnavailableError(
            `SQLite: the database is locked by another process; gave up after ${this.options.acquireTimeoutMs} ms`,
            { cause: error },
          );
        }
      }
      await this.inner.releaseConnection(connection);
      this.#give();
      await sleep(delay);
      await this.#take(null, true);
      await this.inner.acquireConnection();
    }
  }
}

export type FifoSqliteDialectConfig = SqliteDialectConfig & FifoDriverOptions;

/** Kysely's SQLite dialect with the first-come-first-served, time-bounded connection hand-off. */
export class FifoSqliteDialect extends SqliteDialect {
  readonly #options: FifoDriverOptions;

  constructor({ acquireTimeoutMs, inTransaction, ...config }: FifoSqliteDialectConfig) {
    super(config);
    this.#options = { acquireTimeoutMs, inTransaction };
  }

  override createDriver(): Driver {
    return new FifoDriver(super.createDriver(), this.#options);
  }
}
