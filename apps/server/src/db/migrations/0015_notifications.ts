import type { Kysely } from 'kysely';
import type { DialectName } from '../dialect';

type AnyDb = Kysely<unknown>;

/**
 * Notifications (issue 13), Chatwoot's table: one row per person told, about a conversation
 * (primary actor) and what caused it (secondary actor: the message, when one did). Plus the
 * index the snooze scheduler reads due conversations by.
 */
export async function up(db: AnyDb, dialect: DialectName): Promise<void> {
  const table =
    dialect === 'postgres'
      ? db.schema.createTable('notifications').addColumn('id', 'serial', (c) => c.primaryKey())
      : db.schema
          .createTable('notifications')
          .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement());
  await table
    .addColumn('account_id', 'integer', (c) =>
      c.notNull().references('accounts.id').onDelete('cascade'),
    )
    .addColumn('user_id', 'integer', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('notification_type', 'text', (c) => c.notNull())
    .addColumn('primary_actor_type', 'text', (c) => c.notNull())
    .addColumn('primary_actor_id', 'integer', (c) =>
      c.notNull().references('conversations.id').onDelete('cascade'),
    )
    .addColumn('secondary_actor_type', 'text')
    .addColumn('secondary_actor_id', 'integer')
    .addColumn('read_at', 'bigint')
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .execute();
  // The list (newest first) and the unread count, always per person and account.
  await db.schema
    .createIndex('notifications_user_account')
    .on('notifications')
    .columns(['user_id', 'account_id', 'id'])
    .execute();
  await db.schema
    .createIndex('notifications_primary_actor')
    .on('notifications')
    .column('primary_actor_id')
    .execute();
  await db.schema
    .createIndex('conversations_snoozed_until')
    .on('conversations')
    .columns(['status', 'snoozed_until'])
    .execute();
}
