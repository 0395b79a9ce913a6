import SQLite from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { withStatementCache } from './statement-cache';

describe('withStatementCache', () => {
  it('prepares each SQL text once and keeps the most recently used', () => {
    const sqlite = new SQLite(':memory:');
    const prepared: string[] = [];
    const counting = {
      close: () => sqlite.close(),
      prepare: (sql: string) => {
        prepared.push(sql);
        return sqlite.prepare(sql);
      },
    };
    const db = withStatementCache(counting, 2);
    expect(db.prepare('select 1 as a').all([])).toEqual([{ a: 1 }]);
    expect(db.prepare('select 1 as a').all([])).toEqual([{ a: 1 }]);
    db.prepare('select 2');
    db.prepare('select 1 as a'); // used again: now the most recent
    db.prepare('select 3'); // evicts "select 2", the least recently used
    db.prepare('select 1 as a');
    db.prepare('select 2');
    expect(prepared).toEqual(['select 1 as a', 'select 2', 'select 3', 'select 2']);
    db.close();
  });
});
