import type { Kysely } from 'kysely';
import type { DialectName } from '../dialect';

type AnyDb = Kysely<unknown>;

function tableWithId(db: AnyDb, dialect: DialectName, name: string) {
  return dialect === 'postgres'
    ? db.schema.createTable(name).addColumn('id', 'serial', (c) => c.primaryKey())
    : db.schema.createTable(name).addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement());
}

/**
 * Canned responses and custom attribute definitions (issue 13), Chatwoot's two tables. A short
 * code names one response per account; a key names one definition per account and model.
 */
export async function up(db: AnyDb, dialect: DialectName): Promise<void> {
  await tableWithId(db, dialect, 'canned_responses')
    .addColumn('account_id', 'integer', (c) =>
      c.notNull().references('accounts.id').onDelete('cascade'),
    )
    .addColumn('short_code', 'text', (c) => c.notNull())
    /** short_code lower-cased: the unique key, so `Refund` and `refund` cannot both exist. */
    .addColumn('short_code_key', 'text', (c) => c.notNull())
    .addColumn('content', 'text', (c) => c.notNull())
    .addColumn('created_by_id', 'integer', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .addUniqueConstraint('canned_responses_short_code', ['account_id', 'short_code_key'])
    .execute();

  await tableWithId(db, dialect, 'custom_attribute_definitions')
    .addColumn('account_id', 'integer', (c) =>
      c.notNull().references('accounts.id').onDelete('cascade'),
    )
    .addColumn('attribute_model', 'text', (c) => c.notNull())
    .addColumn('attribute_key', 'text', (c) => c.notNull())
    .addColumn('attribute_display_name', 'text', (c) => c.notNull())
    .addColumn('attribute_display_type', 'text', (c) => c.notNull())
    .addColumn('attribute_description', 'text')
    /** JSON array of the choices of a list. */
    .addColumn('attribute_values', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .addUniqueConstraint('custom_attribute_definitions_key', [
      'account_id',
      'attribute_model',
      'attribute_key',
    ])
    .execute();
}
