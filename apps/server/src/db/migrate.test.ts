import { sql } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import { createTestDatabase, DATABASE_KINDS, type TestDatabase } from '../test/databases';
import { insertContact, insertConversation, insertInbox } from '../test/factories';
import { accessTokenDigest, revealAccessToken } from '../lib/access-tokens';
import { TEST_SECRET_KEY_BASE } from '../test/keys';
import { migrateToLatest, migrateUpTo } from './migrate';

async function indexNames(database: TestDatabase): Promise<string[]> {
  const { db, dialect } = database.handle;
  const query =
    dialect === 'postgres'
      ? sql<{
          name: string;
        }>`select indexname as name from pg_indexes where tablename = 'conversations'`
      : sql<{
          name: string;
        }>`select name from sqlite_master where type = 'index' and tbl_name = 'conversations'`;
  return (await query.execute(db)).rows.map((row) => row.name);
}

describe.each(DATABASE_KINDS)('migrations on %s', (kind) => {
  let database: TestDatabase | null = null;
  afterEach(async () => {
    await database?.drop();
    database = null;
  });

  it('bring a fresh database to the latest schema, and a second run does nothing', async () => {
    database = await createTestDatabase(kind);
    expect(await indexNames(database)).toEqual(
      expect.arrayContaining(['conversations_list_status', 'conversations_inbox_assignee_status']),
    );
    const again = await migrateToLatest(database.handle.db, database.handle.dialect);
    expect(again).toEqual([]);
  });

  it('0005 keeps copies of one source_id stored before it, moving the key off all but the first', async () => {
    database = await createTestDatabase(kind, { migrate: false });
    const { db, dialect } = database.handle;
    await migrateUpTo(db, dialect, '0004_dashboard_app_send_anyway');
    // Tables as they were at 0004 (no users needed: later migrations change those).
    const account = await db
      .insertInto('accounts')
      .values({ name: 'Before 0005', locale: 'en', created_at: Date.now() })
      .returning('id')
      .executeTakeFirstOrThrow();
    const world = {
      accountId: account.id,
      apiInboxId: await insertInbox(db, account.id),
      contactId: await insertContact(db, account.id),
    };
    const conversation = await insertConversation(db, {
      account_id: world.accountId,
      inbox_id: world.apiInboxId,
      contact_id: world.contactId,
    });
    const now = Date.now();
    const message = (content: string, source_id: string | null) =>
      sql`insert into messages (account_id, inbox_id, conversation_id, content, message_type,
        content_type, content_attributes, private, status, source_id, created_at, updated_at)
        values (${world.accountId}, ${world.apiInboxId}, ${conversation}, ${content}, 0, 'text',
        '{"x":1}', 0, 'sent', ${source_id}, ${now}, ${now})`.execute(db);
    await message('first', 'wa-1');
    await message('copy', 'wa-1');
    await message('other', 'wa-2');
    await message('no key', null);

    expect(await migrateToLatest(db, dialect)).toEqual([
      '0005_message_idempotency',
      '0006_credentials_and_invitations',
      '0007_dashboard_app_placements',
      '0008_web_widgets',
      '0009_webhooks',
      '0010_attachments',
      '0011_password_resets',
      '0012_conversation_counts',
      '0013_canned_responses_and_attribute_definitions',
      '0015_notifications',
      '0016_presence',
    ]);
    const rows = await db
      .selectFrom('messages')
      .select(['content', 'source_id', 'content_attributes', 'echo_id'])
      .orderBy('id')
      .execute();
    expect(rows).toEqual([
      { content: 'first', source_id: 'wa-1', content_attributes: '{"x":1}', echo_id: null },
      {
        content: 'copy',
        source_id: null,
        content_attributes: '{"x":1,"duplicate_source_id":"wa-1"}',
        echo_id: null,
      },
      { content: 'other', source_id: 'wa-2', content_attributes: '{"x":1}', echo_id: null },
      { content: 'no key', source_id: null, content_attributes: '{"x":1}', echo_id: null },
    ]);
    // The indexes hold from now on.
    await expect(message('again', 'wa-1')).rejects.toThrow();
  });
});

describe.each(DATABASE_KINDS)('migration 0006 on %s', (kind) => {
  let database: TestDatabase | null = null;
  afterEach(async () => {
    await database?.drop();
    database = null;
  });

  it('digests and seals existing access tokens, and moves availability to memberships', async () => {
    database = await createTestDatabase(kind, { migrate: false });
    const { db, dialect } = database.handle;
    await migrateUpTo(db, dialect, '0005_message_idempotency');
    const account = await db
      .insertInto('accounts')
      .values({ name: 'Before 0006', locale: 'en', created_at: Date.now() })
      .returning('id')
      .executeTakeFirstOrThrow();
    await sql`insert into users (name, email, password_hash, access_token, ui_settings,
      availability, created_at, updated_at)
      values ('Old Timer', 'old@acme.test', 'x', 'legacy-token-123', '{}', 'busy', 1, 1)`.execute(
      db,
    );
    const user = await db
      .selectFrom('users')
      .select('id')
      .where('email', '=', 'old@acme.test')
      .executeTakeFirstOrThrow();
    await sql`insert into account_users (account_id, user_id, role, auto_offline, created_at)
      values (${account.id}, ${user.id}, 'agent', 1, 1)`.execute(db);

    await expect(migrateToLatest(db, dialect)).rejects.toThrow(/SECRET_KEY_BASE/);
    expect(await migrateToLatest(db, dialect, { secretKeyBase: TEST_SECRET_KEY_BASE })).toEqual([
      '0006_credentials_and_invitations',
      '0007_dashboard_app_placements',
      '0008_web_widgets',
      '0009_webhooks',
      '0010_attachments',
      '0011_password_resets',
      '0012_conversation_counts',
      '0013_canned_responses_and_attribute_definitions',
      '0015_notifications',
      '0016_presence',
    ]);
    const row = await db
      .selectFrom('users')
      .selectAll()
      .where('id', '=', user.id)
      .executeTakeFirstOrThrow();
    expect(row.access_token_digest).toBe(accessTokenDigest('legacy-token-123'));
    expect(revealAccessToken(row, TEST_SECRET_KEY_BASE)).toBe('legacy-token-123');
    expect(JSON.stringify(row)).not.toContain('legacy-token-123');
    const membership = await db
      .selectFrom('account_users')
      .select('availability')
      .where('user_id', '=', user.id)
      .executeTakeFirstOrThrow();
    expect(membership.availability).toBe('busy');
  });
});
