import { sql, type Kysely } from 'kysely';
import type { DialectName } from '../dialect';

type AnyDb = Kysely<unknown>;

function tableWithId(db: AnyDb, dialect: DialectName, name: string) {
  return dialect === 'postgres'
    ? db.schema.createTable(name).addColumn('id', 'serial', (c) => c.primaryKey())
    : db.schema.createTable(name).addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement());
}

/**
 * Account webhooks (issue 14) and their transactional outbox: a delivery row is written in the
 * same transaction as the change it reports, and the dispatcher works through the pending ones.
 */
export async function up(db: AnyDb, dialect: DialectName): Promise<void> {
  await tableWithId(db, dialect, 'webhooks')
    .addColumn('account_id', 'integer', (c) =>
      c.notNull().references('accounts.id').onDelete('cascade'),
    )
    .addColumn('name', 'text')
    .addColumn('url', 'text', (c) => c.notNull())
    /** JSON array of event names. */
    .addColumn('subscriptions', 'text', (c) => c.notNull())
    /** The signing secret, sealed (lib/sealed-box) and bound to this row. */
    .addColumn('secret_sealed', 'text', (c) => c.notNull())
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('webhooks_account').on('webhooks').column('account_id').execute();

  await tableWithId(db, dialect, 'webhook_deliveries')
    .addColumn('account_id', 'integer', (c) =>
      c.notNull().references('accounts.id').onDelete('cascade'),
    )
    .addColumn('webhook_id', 'integer', (c) =>
      c.notNull().references('webhooks.id').onDelete('cascade'),
    )
    .addColumn('uuid', 'text', (c) => c.notNull().unique())
    .addColumn('event', 'text', (c) => c.notNull())
    /** The JSON body, exactly as it is sent (and signed). */
    .addColumn('payload', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
    /** Failed tries since the schedule (re)started: what the next delay is computed from. */
    .addColumn('retries', 'integer', (c) => c.notNull().defaultTo(0))
    /** When the retry schedule started: the recording, or the last Redeliver. */
    .addColumn('schedule_started_at', 'bigint', (c) => c.notNull())
    .addColumn('next_attempt_at', 'bigint')
    /** A dispatcher's claim: nobody else tries the delivery before this time. */
    .addColumn('locked_until', 'bigint')
    .addColumn('lease_token', 'text')
    .addColumn('last_attempt_at', 'bigint')
    .addColumn('last_status_code', 'integer')
    .addColumn('last_error', 'text')
    .addColumn('last_duration_ms', 'integer')
    .addColumn('last_response', 'text')
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .execute();
  // What the dispatcher claims: pending rows by due time (a partial index stays small).
  await sql`create index webhook_deliveries_due on webhook_deliveries (next_attempt_at) where status = 'pending'`.execute(
    db,
  );
  await db.schema
    .createIndex('webhook_deliveries_log')
    .on('webhook_deliveries')
    .columns(['webhook_id', 'id'])
    .execute();

  await tableWithId(db, dialect, 'webhook_delivery_attempts')
    .addColumn('delivery_id', 'integer', (c) =>
      c.notNull().references('webhook_deliveries.id').onDelete('cascade'),
    )
    .addColumn('attempted_at', 'bigint', (c) => c.notNull())
    .addColumn('status_code', 'integer')
    .addColumn('duration_ms', 'integer', (c) => c.notNull())
    .addColumn('error', 'text')
    .addColumn('response', 'text')
    .execute();
  await db.schema
    .createIndex('webhook_delivery_attempts_delivery')
    .on('webhook_delivery_attempts')
    .column('delivery_id')
    .execute();
}
