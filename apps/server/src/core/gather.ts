import { SqliteAdapter, type Kysely } from 'kysely';
import type { Database } from '../db/schema';

/**
 * Runs independent queries: in parallel on PostgreSQL (a pool of connections), one after
 * another on SQLite. SQLite has one connection and runs them in turn anyway, and the driver's
 * lock wakes every waiter on each release: queuing a request's six queries at once under load
 * multiplies that work and lets some requests starve (multi-second tails in bench/api).
 */
export async function gather<T extends unknown[]>(
  db: Kysely<Database>,
  ...tasks: { [K in keyof T]: () => Promise<T[K]> }
): Promise<T> {
  if (db.getExecutor().adapter instanceof SqliteAdapter) {
    const results: unknown[] = [];
    for (const task of tasks) results.push(await task());
    return results as T;
  }
  return (await Promise.all(tasks.map((task) => task()))) as T;
}
