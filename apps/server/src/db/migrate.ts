import { Migrator, type Kysely, type Migration, type MigrationProvider } from 'kysely';
import type { DialectName } from './dialect';
import * as initial from './migrations/0001_initial';
import * as agentCountsIndex from './migrations/0002_agent_counts_index';
import * as dashboardAppPermissions from './migrations/0003_dashboard_app_permissions';
import * as dashboardAppSendAnyway from './migrations/0004_dashboard_app_send_anyway';
import * as messageIdempotency from './migrations/0005_message_idempotency';
import * as credentialsAndInvitations from './migrations/0006_credentials_and_invitations';
import * as dashboardAppPlacements from './migrations/0007_dashboard_app_placements';
import * as webWidgets from './migrations/0008_web_widgets';
import * as webhooks from './migrations/0009_webhooks';
import * as attachments from './migrations/0010_attachments';
import * as passwordResets from './migrations/0011_password_resets';
import * as conversationCounts from './migrations/0012_conversation_counts';
import * as cannedAndAttributes from './migrations/0013_canned_responses_and_attribute_definitions';
import * as notifications from './migrations/0015_notifications';
import * as presence from './migrations/0016_presence';
import type { Database } from './schema';

// Migrations are listed in code (not read from disk) so the bundled server carries them.
const MIGRATIONS = {
  '0001_initial': initial,
  '0002_agent_counts_index': agentCountsIndex,
  '0003_dashboard_app_permissions': dashboardAppPermissions,
  '0004_dashboard_app_send_anyway': dashboardAppSendAnyway,
  '0005_message_idempotency': messageIdempotency,
  '0006_credentials_and_invitations': credentialsAndInvitations,
  '0007_dashboard_app_placements': dashboardAppPlacements,
  '0008_web_widgets': webWidgets,
  '0009_webhooks': webhooks,
  '0010_attachments': attachments,
  '0011_password_resets': passwordResets,
  '0012_conversation_counts': conversationCounts,
  '0013_canned_responses_and_attribute_definitions': cannedAndAttributes,
  '0015_notifications': notifications,
  '0016_presence': presence,
};

/** What a migration may need beyond the database: keys to seal data it rewrites. */
export interface MigrationContext {
  /** Needed only when existing rows hold values that must be sealed (0006: access tokens). */
  secretKeyBase?: string;
}

function providerFor(dialect: DialectName, context: MigrationContext): MigrationProvider {
  return {
    async getMigrations() {
      const out: Record<string, Migration> = {};
      for (const [name, migration] of Object.entries(MIGRATIONS)) {
        out[name] = { up: (db) => migration.up(db, dialect, context) };
      }
      return out;
    },
  };
}

export type MigrationName = keyof typeof MIGRATIONS;

/** Brings the schema up to `target` included (migration tests); throws like migrateToLatest. */
export async function migrateUpTo(
  db: Kysely<Database>,
  dialect: DialectName,
  target: MigrationName,
): Promise<string[]> {
  const migrator = new Migrator({ db, provider: providerFor(dialect, {}) });
  const { error, results } = await migrator.migrateTo(target);
  if (error) throw error instanceof Error ? error : new Error(String(error));
  return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
}

/** Brings the schema up to date; throws with the failing migration's error. */
export async function migrateToLatest(
  db: Kysely<Database>,
  dialect: DialectName,
  context: MigrationContext = {},
): Promise<string[]> {
  // Numbers are handed out to work landing in parallel, so a lower one may land after a higher
  // one already ran somewhere (0012 after 0013): run it then, instead of refusing to start.
  const migrator = new Migrator({
    db,
    provider: providerFor(dialect, context),
    allowUnorderedMigrations: true,
  });
  const { error, results } = await migrator.migrateToLatest();
  if (error) throw error instanceof Error ? error : new Error(String(error));
  return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
}
