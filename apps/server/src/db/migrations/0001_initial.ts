import type { CreateTableBuilder, Kysely } from 'kysely';
import type { DialectName } from '../dialect';

// Unknown table shape: migrations must not depend on the current schema types.
type AnyDb = Kysely<unknown>;

function withId<T extends string>(
  table: CreateTableBuilder<T, never>,
  dialect: DialectName,
): CreateTableBuilder<T, 'id'> {
  return dialect === 'postgres'
    ? table.addColumn('id', 'serial', (col) => col.primaryKey())
    : table.addColumn('id', 'integer', (col) => col.primaryKey().autoIncrement());
}

export async function up(db: AnyDb, dialect: DialectName): Promise<void> {
  const schema = db.schema;

  await withId(schema.createTable('accounts'), dialect)
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('locale', 'text', (c) => c.notNull().defaultTo('en'))
    .addColumn('last_display_id', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .execute();

  await withId(schema.createTable('users'), dialect)
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('display_name', 'text')
    .addColumn('email', 'text', (c) => c.notNull().unique())
    .addColumn('password_hash', 'text', (c) => c.notNull())
    .addColumn('access_token', 'text', (c) => c.notNull().unique())
    .addColumn('avatar_url', 'text')
    .addColumn('ui_settings', 'text', (c) => c.notNull().defaultTo('{}'))
    .addColumn('availability', 'text', (c) => c.notNull().defaultTo('online'))
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .execute();

  await withId(schema.createTable('account_users'), dialect)
    .addColumn('account_id', 'integer', (c) =>
      c.notNull().references('accounts.id').onDelete('cascade'),
    )
    .addColumn('user_id', 'integer', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('role', 'text', (c) => c.notNull())
    .addColumn('auto_offline', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addUniqueConstraint('account_users_account_user', ['account_id', 'user_id'])
    .execute();
  await schema.createIndex('account_users_user').on('account_users').column('user_id').execute();

  await schema
    .createTable('sessions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('user_id', 'integer', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('csrf_token', 'text', (c) => c.notNull())
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('expires_at', 'bigint', (c) => c.notNull())
    .execute();
  await schema.createIndex('sessions_user').on('sessions').column('user_id').execute();

  await withId(schema.createTable('inboxes'), dialect)
    .addColumn('account_id', 'integer', (c) =>
      c.notNull().references('accounts.id').onDelete('cascade'),
    )
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('channel_type', 'text', (c) => c.notNull())
    .addColumn('greeting_message', 'text')
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .execute();
  await schema.createIndex('inboxes_account').on('inboxes').column('account_id').execute();

  await schema
    .createTable('inbox_members')
    .addColumn('inbox_id', 'integer', (c) =>
      c.notNull().references('inboxes.id').onDelete('cascade'),
    )
    .addColumn('user_id', 'integer', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addPrimaryKeyConstraint('inbox_members_pk', ['inbox_id', 'user_id'])
    .execute();
  await schema.createIndex('inbox_members_user').on('inbox_members').column('user_id').execute();

  await withId(schema.createTable('teams'), dialect)
    .addColumn('account_id', 'integer', (c) =>
      c.notNull().references('accounts.id').onDelete('cascade'),
    )
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('description', 'text')
    .addColumn('allow_auto_assign', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addUniqueConstraint('teams_account_name', ['account_id', 'name'])
    .execute();

  await schema
    .createTable('team_members')
    .addColumn('team_id', 'integer', (c) => c.notNull().references('teams.id').onDelete('cascade'))
    .addColumn('user_id', 'integer', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addPrimaryKeyConstraint('team_members_pk', ['team_id', 'user_id'])
    .execute();

  await withId(schema.createTable('contacts'), dialect)
    .addColumn('account_id', 'integer', (c) =>
      c.notNull().references('accounts.id').onDelete('cascade'),
    )
    .addColumn('name', 'text')
    .addColumn('email', 'text')
    .addColumn('phone_number', 'text')
    .addColumn('identifier', 'text')
    .addColumn('thumbnail', 'text')
    .addColumn('additional_attributes', 'text', (c) => c.notNull().defaultTo('{}'))
    .addColumn('custom_attributes', 'text', (c) => c.notNull().defaultTo('{}'))
    .addColumn('last_activity_at', 'bigint')
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .execute();
  await schema
    .createIndex('contacts_account_email')
    .on('contacts')
    .columns(['account_id', 'email'])
    .execute();
  await schema
    .createIndex('contacts_account_created')
    .on('contacts')
    .columns(['account_id', 'created_at'])
    .execute();
  await schema
    .createIndex('contacts_account_identifier')
    .on('contacts')
    .columns(['account_id', 'identifier'])
    .execute();

  await withId(schema.createTable('contact_inboxes'), dialect)
    .addColumn('contact_id', 'integer', (c) =>
      c.notNull().references('contacts.id').onDelete('cascade'),
    )
    .addColumn('inbox_id', 'integer', (c) =>
      c.notNull().references('inboxes.id').onDelete('cascade'),
    )
    .addColumn('source_id', 'text', (c) => c.notNull())
    .addColumn('hmac_verified', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addUniqueConstraint('contact_inboxes_inbox_source', ['inbox_id', 'source_id'])
    .execute();
  await schema
    .createIndex('contact_inboxes_contact')
    .on('contact_inboxes')
    .column('contact_id')
    .execute();

  await withId(schema.createTable('conversations'), dialect)
    .addColumn('account_id', 'integer', (c) =>
      c.notNull().references('accounts.id').onDelete('cascade'),
    )
    .addColumn('display_id', 'integer', (c) => c.notNull())
    .addColumn('uuid', 'text', (c) => c.notNull().unique())
    .addColumn('inbox_id', 'integer', (c) =>
      c.notNull().references('inboxes.id').onDelete('cascade'),
    )
    .addColumn('contact_id', 'integer', (c) =>
      c.notNull().references('contacts.id').onDelete('cascade'),
    )
    .addColumn('contact_inbox_id', 'integer', (c) =>
      c.references('contact_inboxes.id').onDelete('set null'),
    )
    .addColumn('assignee_id', 'integer', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('team_id', 'integer', (c) => c.references('teams.id').onDelete('set null'))
    .addColumn('status', 'text', (c) => c.notNull().defaultTo('open'))
    .addColumn('priority', 'text')
    .addColumn('snoozed_until', 'bigint')
    .addColumn('custom_attributes', 'text', (c) => c.notNull().defaultTo('{}'))
    .addColumn('additional_attributes', 'text', (c) => c.notNull().defaultTo('{}'))
    .addColumn('agent_last_seen_at', 'bigint')
    .addColumn('assignee_last_seen_at', 'bigint')
    .addColumn('contact_last_seen_at', 'bigint')
    .addColumn('last_activity_at', 'bigint', (c) => c.notNull())
    .addColumn('waiting_since', 'bigint')
    .addColumn('first_reply_created_at', 'bigint')
    .addColumn('muted', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .addUniqueConstraint('conversations_account_display', ['account_id', 'display_id'])
    .execute();
  // The list queries: by status (+ assignee or inbox), newest activity first.
  await schema
    .createIndex('conversations_list_status')
    .on('conversations')
    .columns(['account_id', 'status', 'last_activity_at'])
    .execute();
  await schema
    .createIndex('conversations_list_assignee')
    .on('conversations')
    .columns(['account_id', 'assignee_id', 'status', 'last_activity_at'])
    .execute();
  await schema
    .createIndex('conversations_list_inbox')
    .on('conversations')
    .columns(['account_id', 'inbox_id', 'status', 'last_activity_at'])
    .execute();
  await schema
    .createIndex('conversations_contact')
    .on('conversations')
    .column('contact_id')
    .execute();

  await schema
    .createTable('conversation_labels')
    .addColumn('conversation_id', 'integer', (c) =>
      c.notNull().references('conversations.id').onDelete('cascade'),
    )
    .addColumn('label', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('conversation_labels_pk', ['conversation_id', 'label'])
    .execute();
  await schema
    .createIndex('conversation_labels_label')
    .on('conversation_labels')
    .column('label')
    .execute();

  await withId(schema.createTable('messages'), dialect)
    .addColumn('account_id', 'integer', (c) =>
      c.notNull().references('accounts.id').onDelete('cascade'),
    )
    .addColumn('inbox_id', 'integer', (c) =>
      c.notNull().references('inboxes.id').onDelete('cascade'),
    )
    .addColumn('conversation_id', 'integer', (c) =>
      c.notNull().references('conversations.id').onDelete('cascade'),
    )
    .addColumn('content', 'text')
    .addColumn('message_type', 'integer', (c) => c.notNull())
    .addColumn('content_type', 'text', (c) => c.notNull().defaultTo('text'))
    .addColumn('content_attributes', 'text', (c) => c.notNull().defaultTo('{}'))
    .addColumn('private', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('status', 'text', (c) => c.notNull().defaultTo('sent'))
    .addColumn('source_id', 'text')
    .addColumn('sender_type', 'text')
    .addColumn('sender_id', 'integer')
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .execute();
  await schema
    .createIndex('messages_conversation')
    .on('messages')
    .columns(['conversation_id', 'id'])
    .execute();

  await withId(schema.createTable('labels'), dialect)
    .addColumn('account_id', 'integer', (c) =>
      c.notNull().references('accounts.id').onDelete('cascade'),
    )
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('description', 'text')
    .addColumn('color', 'text', (c) => c.notNull().defaultTo('#1f93ff'))
    .addColumn('show_on_sidebar', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addUniqueConstraint('labels_account_title', ['account_id', 'title'])
    .execute();

  await withId(schema.createTable('dashboard_apps'), dialect)
    .addColumn('account_id', 'integer', (c) =>
      c.notNull().references('accounts.id').onDelete('cascade'),
    )
    .addColumn('user_id', 'integer', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('content', 'text', (c) => c.notNull())
    .addColumn('allow', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('secret_ciphertext', 'text')
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .execute();
  await schema
    .createIndex('dashboard_apps_account')
    .on('dashboard_apps')
    .column('account_id')
    .execute();

  await withId(schema.createTable('audit_logs'), dialect)
    .addColumn('account_id', 'integer', (c) =>
      c.notNull().references('accounts.id').onDelete('cascade'),
    )
    .addColumn('user_id', 'integer', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('auditable_type', 'text', (c) => c.notNull())
    .addColumn('auditable_id', 'integer', (c) => c.notNull())
    .addColumn('changes', 'text', (c) => c.notNull().defaultTo('{}'))
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .execute();
  await schema
    .createIndex('audit_logs_account')
    .on('audit_logs')
    .columns(['account_id', 'id'])
    .execute();
}
