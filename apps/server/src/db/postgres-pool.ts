import type { PostgresCursor, PostgresPool, PostgresPoolClient, PostgresQueryResult } from 'kysely';
import pg from 'pg';
import { databaseFault } from './faults';

export interface PostgresPoolOptions {
  /** Connections at most; requests beyond wait for one (bounded by acquireTimeoutMs). */
  max: number;
  /** Longest wait for a connection: a free one from the pool, or a new one being opened. */
  acquireTimeoutMs: number;
  /** The server cancels a statement running longer (0: no limit, for migrations). */
  statementTimeoutMs: number;
  onIdleError: (error: Error) => void;
  /** Prepare repeated statements by name (off for migrations: DDL changes what they return). */
  prepare: boolean;
}

/** Distinct statement texts prepared by name, for all connections (each prepares its own). */
const MAX_PREPARED = 500;
/** Statements whose plans are worth keeping: reads and writes, not DDL or transaction control. */
const PREPARABLE = /^\s*(select|insert|update|delete|with)\b/i;

/**
 * Names for statement texts: pg prepares a named statement once per connection and then only
 * binds and executes it, where an unnamed one is parsed and planned on every call. Queries
 * are built from a fixed set of shapes (Kysely), so texts repeat; past MAX_PREPARED distinct
 * texts (long `in (…)` lists vary) the rest run unnamed, which bounds the server's memory.
 */
export class StatementNames {
  readonly #names = new Map<string, string>();

  constructor(private readonly max = MAX_PREPARED) {}

  nameOf(text: string): string | undefined {
    const known = this.#names.get(text);
    if (known !== undefined || this.#names.size >= this.max || !PREPARABLE.test(text)) {
      return known;
    }
    const name = `bevatel_${this.#names.size + 1}`;
    this.#names.set(text, name);
    return name;
  }
}

/** SQLSTATEs after which the connection itself is still sound. */
const CONNECTION_STILL_GOOD = new Set(['57014', '55P03']);

function lostConnection(error: unknown): boolean {
  const code = (error as { code?: unknown }).code;
  if (typeof code === 'string' && CONNECTION_STILL_GOOD.has(code)) return false;
  return databaseFault(error) === 'unavailable';
}

/**
 * A pooled client that remembers a lost or timed-out connection: later statements on it (the
 * transaction's ROLLBACK) fail at once instead of queueing behind a query that may never
 * answer, and releasing it destroys it, so the pool opens a fresh one when next needed.
 */
class GuardedClient implements PostgresPoolClient {
  #broken: Error | null = null;

  constructor(
    private readonly client: pg.PoolClient,
    private readonly names: StatementNames | null,
  ) {}

  query<R>(sql: string, parameters: ReadonlyArray<unknown>): Promise<PostgresQueryResult<R>>;
  query<R>(cursor: PostgresCursor<R>): PostgresCursor<R>;
  query<R>(
    sqlOrCursor: string | PostgresCursor<R>,
    parameters?: ReadonlyArray<unknown>,
  ): Promise<PostgresQueryResult<R>> | PostgresCursor<R> {
    if (typeof sqlOrCursor !== 'string') {
      return this.client.query(
        sqlOrCursor as unknown as pg.Submittable,
      ) as unknown as PostgresCursor<R>;
    }
    if (this.#broken) return Promise.reject(this.#broken);
    const name = this.names?.nameOf(sqlOrCursor);
    const values = parameters as unknown[];
    const run = (name === undefined
      ? this.client.query(sqlOrCursor, values)
      : this.client.query({ name, text: sqlOrCursor, values })) as unknown as Promise<
      PostgresQueryResult<R>
    >;
    return run.catch((error: unknown) => {
      if (lostConnection(error)) this.#broken = error as Error;
      throw error;
    });
  }

  release(destroy?: boolean): void {
    this.client.release(this.#broken ?? destroy === true);
  }
}

/**
 * node-postgres's pool with every wait bounded, as Kysely's PostgresDialect takes it: a
 * stalled or unreachable server makes requests fail within seconds (503) instead of piling up.
 * The server-side `statement_timeout` cancels slow statements and keeps the connection; the
 * client-side `query_timeout` (a second later) is for a server that does not answer at all.
 */
export function createPostgresPool(
  connectionString: string,
  options: PostgresPoolOptions,
): PostgresPool & { raw: pg.Pool } {
  const statement = options.statementTimeoutMs;
  const pool = new pg.Pool({
    connectionString,
    max: options.max,
    connectionTimeoutMillis: options.acquireTimeoutMs,
    keepAlive: true,
    ...(statement > 0 && {
      statement_timeout: statement,
      query_timeout: statement + 1000,
      // A transaction left open (its process frozen) must not hold its locks for ever.
      idle_in_transaction_session_timeout: Math.max(statement * 4, 10_000),
    }),
  });
  pool.on('error', options.onIdleError);
  const guarded = new WeakMap<pg.PoolClient, GuardedClient>();
  const names = options.prepare ? new StatementNames() : null;
  return {
    raw: pool,
    async connect() {
      const client = await pool.connect();
      let wrapper = guarded.get(client);
      if (!wrapper) {
        wrapper = new GuardedClient(client, names);
        guarded.set(client, wrapper);
      }
      return wrapper;
    },
    end: () => pool.end(),
  };
}
