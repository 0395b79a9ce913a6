/**
 * Bulk-loads the benchmark dataset: multi-row INSERTs in large transactions on SQLite,
 * one `INSERT … SELECT FROM unnest($1::int[], …)` per 10,000 rows on PostgreSQL (one
 * parameter per column, so a chunk is a single round trip).
 */
import SQLite from 'better-sqlite3';
import pg from 'pg';
import {
  TABLES,
  baseRows,
  conversationChunk,
  type DatasetSize,
  type Row,
  type TableSpec,
} from './dataset';

export interface BulkWriter {
  insert(spec: TableSpec, rows: Row[]): Promise<void>;
  /** Statistics for the planner, sequences past the explicit ids; closes the connection. */
  finish(): Promise<void>;
}

const SQLITE_ROWS_PER_STATEMENT = 100;

export function sqliteWriter(path: string): BulkWriter {
  const db = new SQLite(path);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = OFF');
  db.pragma('foreign_keys = OFF');
  db.pragma('cache_size = -262144');
  const statements = new Map<string, SQLite.Statement>();
  const statementFor = (spec: TableSpec, rows: number) => {
    const key = `${spec.name}:${rows}`;
    let statement = statements.get(key);
    if (!statement) {
      const tuple = `(${spec.columns.map(() => '?').join(',')})`;
      statement = db.prepare(
        `INSERT INTO ${spec.name} (${spec.columns.map(([c]) => c).join(',')}) VALUES ${Array(rows).fill(tuple).join(',')}`,
      );
      statements.set(key, statement);
    }
    return statement;
  };
  const insertAll = db.transaction((spec: TableSpec, rows: Row[]) => {
    for (let i = 0; i < rows.length; i += SQLITE_ROWS_PER_STATEMENT) {
      const slice = rows.slice(i, i + SQLITE_ROWS_PER_STATEMENT);
      statementFor(spec, slice.length).run(slice.flat());
    }
  });
  return {
    async insert(spec, rows) {
      if (rows.length) insertAll(spec, rows);
    },
    async finish() {
      db.exec('ANALYZE');
      db.pragma('wal_checkpoint(TRUNCATE)');
      db.close();
    },
  };
}

const PG_TYPES = { int: 'int4[]', bigint: 'int8[]', text: 'text[]' } as const;
const PG_ROWS_PER_STATEMENT = 10_000;

export async function postgresWriter(url: string): Promise<BulkWriter> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  await client.query('SET synchronous_commit = off');
  const serialTables = new Set<string>();
  return {
    async insert(spec, rows) {
      if (spec.columns[0]?.[0] === 'id') serialTables.add(spec.name);
      const columns = spec.columns.map(([c]) => c).join(',');
      const casts = spec.columns.map(([, type], i) => `$${i + 1}::${PG_TYPES[type]}`).join(',');
      const text = `INSERT INTO ${spec.name} (${columns}) SELECT * FROM unnest(${casts})`;
      for (let i = 0; i < rows.length; i += PG_ROWS_PER_STATEMENT) {
        const slice = rows.slice(i, i + PG_ROWS_PER_STATEMENT);
        const arrays = spec.columns.map((_, c) => slice.map((row) => row[c] ?? null));
        await client.query(text, arrays);
      }
    },
    async finish() {
      for (const table of serialTables) {
        await client.query(
          `SELECT setval(pg_get_serial_sequence('${table}', 'id'), (SELECT coalesce(max(id), 1) FROM ${table}))`,
        );
      }
      // Index-only scans need the visibility map; the planner needs statistics.
      await client.query('VACUUM ANALYZE');
      await client.end();
    },
  };
}

const CONVERSATIONS_PER_CHUNK = 20_000;

/** Writes the whole dataset; returns seconds spent and rows written per table. */
export async function fill(
  writer: BulkWriter,
  size: DatasetSize,
  now: number,
  progress: (line: string) => void = () => undefined,
): Promise<{ seconds: number; rows: Record<string, number> }> {
  const started = performance.now();
  const rows: Record<string, number> = {};
  const count = (name: string, n: number) => (rows[name] = (rows[name] ?? 0) + n);
  for (const [spec, tableRows] of baseRows(size, now)) {
    await writer.insert(spec, tableRows);
    count(spec.name, tableRows.length);
  }
  let messageId = 1;
  for (let from = 0; from < size.conversations; from += CONVERSATIONS_PER_CHUNK) {
    const to = Math.min(size.conversations, from + CONVERSATIONS_PER_CHUNK);
    const chunk = conversationChunk(size, now, from, to, messageId);
    messageId += chunk.messages.length;
    await writer.insert(TABLES.contact_inboxes, chunk.contactInboxes);
    await writer.insert(TABLES.conversations, chunk.conversations);
    await writer.insert(TABLES.conversation_labels, chunk.labels);
    await writer.insert(TABLES.messages, chunk.messages);
    count('conversations', chunk.conversations.length);
    count('messages', chunk.messages.length);
    count('conversation_labels', chunk.labels.length);
    progress(
      `  ${to.toLocaleString('en')} conversations, ${(messageId - 1).toLocaleString('en')} messages`,
    );
  }
  await writer.finish();
  return { seconds: (performance.now() - started) / 1000, rows };
}
