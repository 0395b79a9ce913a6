import type { Kysely } from 'kysely';
import type { DialectName } from '../dialect';

type AnyDb = Kysely<unknown>;

/**
 * Presence (issue 13, availability): which server process holds how many of a user's sockets
 * (`presence`, kept fresh by each process's heartbeat, so a crashed process's rows go stale),
 * and `users.away`, set once a user's last socket closed and the grace period passed. An agent
 * with `auto_offline` who is away shows offline; one who never connected keeps their choice.
 */
export async function up(db: AnyDb, _dialect: DialectName): Promise<void> {
  await db.schema
    .createTable('presence')
    .addColumn('user_id', 'integer', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('process_id', 'text', (c) => c.notNull())
    .addColumn('connections', 'integer', (c) => c.notNull())
    .addColumn('seen_at', 'bigint', (c) => c.notNull())
    .addPrimaryKeyConstraint('presence_pk', ['user_id', 'process_id'])
    .execute();
  await db.schema
    .alterTable('users')
    .addColumn('away', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
}
