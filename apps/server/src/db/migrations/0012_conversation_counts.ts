import { sql, type Kysely } from 'kysely';
import type { DialectName } from '../dialect';

/**
 * The conversation list's Mine / Unassigned / All counts, kept per (account, inbox, status,
 * assignee) by triggers on `conversations`: a count is a sum over a few dozen rows instead of
 * a count over up to 100k index entries (bench/api). Triggers rather than application code so
 * every write (commands, cascades from a deleted inbox or user, bulk imports) keeps them right,
 * inside the writing transaction. `assignee_id` 0 stands for unassigned (a key column cannot
 * be null).
 *
 * Under concurrent writes on PostgreSQL each change is an `UPDATE … count + 1` or an
 * `INSERT … ON CONFLICT DO UPDATE`, both serialised on the counter row; a moved conversation
 * touches its two rows in key order, so two opposite moves cannot deadlock.
 */
export async function up(db: Kysely<unknown>, dialect: DialectName): Promise<void> {
  await db.schema
    .createTable('conversation_counts')
    .addColumn('account_id', 'integer', (c) => c.notNull())
    .addColumn('inbox_id', 'integer', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('assignee_id', 'integer', (c) => c.notNull())
    .addColumn('count', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('conversation_counts_pk', [
      'account_id',
      'inbox_id',
      'status',
      'assignee_id',
    ])
    .execute();
  await sql`
    insert into conversation_counts (account_id, inbox_id, status, assignee_id, count)
    select account_id, inbox_id, status, coalesce(assignee_id, 0), count(*)
    from conversations group by account_id, inbox_id, status, coalesce(assignee_id, 0)
  `.execute(db);
  if (dialect === 'postgres') await postgresTriggers(db);
  else await sqliteTriggers(db);
}

const KEY = 'account_id, inbox_id, status, assignee_id';

async function sqliteTriggers(db: Kysely<unknown>): Promise<void> {
  const add = (row: 'NEW') =>
    sql.raw(`
    insert into conversation_counts (${KEY}, count)
    values (${row}.account_id, ${row}.inbox_id, ${row}.status, coalesce(${row}.assignee_id, 0), 1)
    on conflict (${KEY}) do update set count = count + 1;`);
  const remove = (row: 'OLD') =>
    sql.raw(`
    update conversation_counts set count = count - 1
    where account_id = ${row}.account_id and inbox_id = ${row}.inbox_id
      and status = ${row}.status and assignee_id = coalesce(${row}.assignee_id, 0);`);
  await sql`create trigger conversation_counts_insert after insert on conversations
    begin ${add('NEW')} end`.execute(db);
  await sql`create trigger conversation_counts_delete after delete on conversations
    begin ${remove('OLD')} end`.execute(db);
  // SQLite runs one writer at a time: the order of the two statements cannot deadlock.
  await sql`create trigger conversation_counts_update
    after update of account_id, inbox_id, status, assignee_id on conversations
    when old.account_id is not new.account_id or old.inbox_id is not new.inbox_id
      or old.status is not new.status or old.assignee_id is not new.assignee_id
    begin ${remove('OLD')} ${add('NEW')} end`.execute(db);
}

async function postgresTriggers(db: Kysely<unknown>): Promise<void> {
  await sql`
    create function conversation_counts_add(a integer, i integer, s text, u integer, n integer)
    returns void language sql as $$
      insert into conversation_counts (${sql.raw(KEY)}, count) values (a, i, s, coalesce(u, 0), n)
      on conflict (${sql.raw(KEY)}) do update set count = conversation_counts.count + n;
    $$`.execute(db);
  await sql`
    create function conversation_counts_change() returns trigger language plpgsql as $$
    begin
      if tg_op = 'INSERT' then
        perform conversation_counts_add(new.account_id, new.inbox_id, new.status, new.assignee_id, 1);
      elsif tg_op = 'DELETE' then
        perform conversation_counts_add(old.account_id, old.inbox_id, old.status, old.assignee_id, -1);
      elsif (old.account_id, old.inbox_id, old.status, coalesce(old.assignee_id, 0))
          is distinct from (new.account_id, new.inbox_id, new.status, coalesce(new.assignee_id, 0)) then
        -- Both rows in key order: opposite moves lock them in the same order (no deadlock).
        if (old.account_id, old.inbox_id, old.status, coalesce(old.assignee_id, 0))
            < (new.account_id, new.inbox_id, new.status, coalesce(new.assignee_id, 0)) then
          perform conversation_counts_add(old.account_id, old.inbox_id, old.status, old.assignee_id, -1);
          perform conversation_counts_add(new.account_id, new.inbox_id, new.status, new.assignee_id, 1);
        else
          perform conversation_counts_add(new.account_id, new.inbox_id, new.status, new.assignee_id, 1);
          perform conversation_counts_add(old.account_id, old.inbox_id, old.status, old.assignee_id, -1);
        end if;
      end if;
      return null;
    end $$`.execute(db);
  await sql`
    create trigger conversation_counts_change
    after insert or delete or update of account_id, inbox_id, status, assignee_id on conversations
    for each row execute function conversation_counts_change()`.execute(db);
}
