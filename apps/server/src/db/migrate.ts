import { Migrator, type Kysely, type Migration, type MigrationProvider } from 'kysely';
import type { DialectName } from './dialect';
import * as initial from './migrations/0001_initial';
import * as agentCountsIndex from './migrations/0002_agent_counts_index';
import type { Database } from './schema';

// Migrations are listed in code (not read from disk) so the bundled server carries them.
const MIGRATIONS = {
  '0001_initial': initial,
  '0002_agent_counts_index': agentCountsIndex,
};

function providerFor(dialect: DialectName): MigrationProvider {
  return {
    async getMigrations() {
      const out: Record<string, Migration> = {};
      for (const [name, migration] of Object.entries(MIGRATIONS)) {
        out[name] = { up: (db) => migration.up(db, dialect) };
      }
      return out;
    },
  };
}

/** Brings the schema up to date; throws with the failing migration's error. */
export async function migrateToLatest(
  db: Kysely<Database>,
  dialect: DialectName,
): Promise<string[]> {
  const migrator = new Migrator({ db, provider: providerFor(dialect) });
  const { error, results } = await migrator.migrateToLatest();
  if (error) throw error instanceof Error ? error : new Error(String(error));
  return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
}
