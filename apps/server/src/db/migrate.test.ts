import { sql } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import { createTestDatabase, DATABASE_KINDS, type TestDatabase } from '../test/databases';
import { migrateToLatest } from './migrate';

async function indexNames(database: TestDatabase): Promise<string[]> {
  const { db, dialect } = database.handle;
  const query =
    dialect === 'postgres'
      ? sql<{
          name: string;
        }>`select indexname as name from pg_indexes where tablename = 'conversations'`
      : sql<{
          name: string;
        }>`select name from sqlite_master where type = 'index' and tbl_name = 'conversations'`;
  return (await query.execute(db)).rows.map((row) => row.name);
}

describe.each(DATABASE_KINDS)('migrations on %s', (kind) => {
  let database: TestDatabase | null = null;
  afterEach(async () => {
    await database?.drop();
    database = null;
  });

  it('bring a fresh database to the latest schema, and a second run does nothing', async () => {
    database = await createTestDatabase(kind);
    expect(await indexNames(database)).toEqual(
      expect.arrayContaining(['conversations_list_status', 'conversations_inbox_assignee_status']),
    );
    const again = await migrateToLatest(database.handle.db, database.handle.dialect);
    expect(again).toEqual([]);
  });
});
