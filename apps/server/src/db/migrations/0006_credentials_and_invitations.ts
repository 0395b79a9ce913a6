import { sql, type Kysely } from 'kysely';
import { accessTokenColumns } from '../../lib/access-tokens';
import type { DialectName } from '../dialect';
import type { MigrationContext } from '../migrate';

// Unknown table shape: migrations must not depend on the current schema types.
type AnyDb = Kysely<unknown>;
type UntypedDb = Kysely<Record<string, Record<string, unknown>>>;

/**
 * Security round (issue "Security, proven"):
 * - personal access tokens stored as a SHA-256 digest (what requests are matched against) and a
 *   sealed copy (what sign-in and the profile show), never in the clear;
 * - availability belongs to a membership (an admin of one account sets it there, not for the
 *   person's other accounts);
 * - invitations: adding someone's e-mail makes a pending invitation, never a membership;
 * - accounts may restrict agents to the contacts of their inboxes.
 */
export async function up(
  db: AnyDb,
  dialect: DialectName,
  context: MigrationContext,
): Promise<void> {
  const schema = db.schema;
  const untyped = db as unknown as UntypedDb;

  // Checked before any change: SQLite cannot roll back a half-applied migration's DDL.
  const existing = await untyped.selectFrom('users').select('id').limit(1).execute();
  if (existing.length > 0 && !context.secretKeyBase) {
    throw new Error('Migration 0006 seals access tokens: it needs SECRET_KEY_BASE');
  }
  await schema.alterTable('users').renameColumn('access_token', 'access_token_digest').execute();
  await schema.alterTable('users').addColumn('access_token_sealed', 'text').execute();
  const users = (await untyped
    .selectFrom('users')
    .select(['id', 'access_token_digest'])
    .execute()) as { id: number; access_token_digest: string }[];
  for (const user of users) {
    const token = user.access_token_digest;
    await untyped
      .updateTable('users')
      .set(accessTokenColumns(token, context.secretKeyBase as string))
      .where('id', '=', user.id)
      .execute();
  }

  await schema
    .alterTable('account_users')
    .addColumn('availability', 'text', (c) => c.notNull().defaultTo('offline'))
    .execute();
  await sql`update account_users set availability = (select users.availability from users where users.id = account_users.user_id)`.execute(
    db,
  );
  await schema.alterTable('users').dropColumn('availability').execute();

  await schema
    .alterTable('accounts')
    .addColumn('contacts_by_inbox', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();

  const withId =
    dialect === 'postgres'
      ? schema.createTable('invitations').addColumn('id', 'serial', (c) => c.primaryKey())
      : schema
          .createTable('invitations')
          .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement());
  await withId
    .addColumn('account_id', 'integer', (c) =>
      c.notNull().references('accounts.id').onDelete('cascade'),
    )
    .addColumn('email', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('role', 'text', (c) => c.notNull())
    .addColumn('invited_by', 'integer', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('token_digest', 'text', (c) => c.notNull().unique())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('expires_at', 'bigint', (c) => c.notNull())
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('responded_at', 'bigint')
    .execute();
  await schema
    .createIndex('invitations_account_email')
    .on('invitations')
    .columns(['account_id', 'email'])
    .execute();
  await schema.createIndex('invitations_email').on('invitations').column('email').execute();
}
