import type { SqliteDatabase, SqliteStatement } from 'kysely';

/** Enough for every distinct statement the app issues; the oldest go first beyond it. */
const DEFAULT_CAPACITY = 1000;

/**
 * Kysely prepares every statement anew on SQLite (about a tenth of the CPU of a request in
 * profiles). Queries are built from a fixed set of shapes, so their SQL texts repeat: keep the
 * prepared statements, least recently used out first. Safe because Kysely runs one query at a
 * time on the single connection (a statement is never busy when it is handed out again).
 */
export function withStatementCache(
  database: SqliteDatabase,
  capacity = DEFAULT_CAPACITY,
): SqliteDatabase {
  const statements = new Map<string, SqliteStatement>();
  return {
    close: () => {
      statements.clear();
      database.close();
    },
    prepare(sql) {
      const cached = statements.get(sql);
      if (cached) {
        // Re-insert: Map keeps insertion order, so the first key is the least recently used.
        statements.delete(sql);
        statements.set(sql, cached);
        return cached;
      }
      const statement = database.prepare(sql);
      statements.set(sql, statement);
      if (statements.size > capacity) statements.delete(statements.keys().next().value as string);
      return statement;
    },
  };
}
