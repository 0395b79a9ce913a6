import type { Kysely } from 'kysely';
import type { DialectName } from '../dialect';

// Unknown table shape: migrations must not depend on the current schema types.
type AnyDb = Kysely<unknown>;

/**
 * Password reset links (issue "Help desk integrations"): one-time links like invitations, of
 * which only the token's digest is kept. `issued_by`/`account_id` name the administrator who
 * made one for an agent; both are null for a self-service reset by e-mail.
 */
export async function up(db: AnyDb, dialect: DialectName): Promise<void> {
  const schema = db.schema;
  const withId =
    dialect === 'postgres'
      ? schema.createTable('password_resets').addColumn('id', 'serial', (c) => c.primaryKey())
      : schema
          .createTable('password_resets')
          .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement());
  await withId
    .addColumn('user_id', 'integer', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('token_digest', 'text', (c) => c.notNull().unique())
    .addColumn('issued_by', 'integer', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('account_id', 'integer', (c) => c.references('accounts.id').onDelete('set null'))
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('expires_at', 'bigint', (c) => c.notNull())
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('used_at', 'bigint')
    .execute();
  await schema
    .createIndex('password_resets_user')
    .on('password_resets')
    .columns(['user_id', 'status'])
    .execute();
}
