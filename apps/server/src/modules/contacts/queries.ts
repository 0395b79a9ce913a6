import { sql, type Expression, type Kysely, type SelectQueryBuilder, type SqlBool } from 'kysely';
import type { DialectName } from '../../db/dialect';
import type { ContactRow, ConversationRow, Database, InboxRow } from '../../db/schema';
import { visibleInboxCondition, visibleInboxIds, type Viewer } from '../../core/visibility';
import { likePattern } from '../../lib/like';

export const CONTACTS_PER_PAGE = 15;

export const CONTACT_SORT_KEYS = ['name', 'email', 'last_activity_at', 'created_at'] as const;
export type ContactSortKey = (typeof CONTACT_SORT_KEYS)[number];
/** `name` ascending, `-name` descending (Chatwoot's notation). */
export type ContactSort = ContactSortKey | `-${ContactSortKey}`;
export const CONTACT_SORTS: readonly ContactSort[] = CONTACT_SORT_KEYS.flatMap((key) => [
  key,
  `-${key}` as const,
]);

const TEXT_SORTS = new Set<ContactSortKey>(['name', 'email']);
const SEARCHED = ['name', 'email', 'phone_number', 'identifier'] as const;

export interface ContactListOptions {
  page: number;
  sort: ContactSort;
  /** Case-insensitive substring of name, email, phone number or identifier. */
  search?: string;
  /** Only contacts known to these inboxes (see `contactScope`); all when absent. */
  inboxIds?: readonly number[] | null;
}

/**
 * Contacts of these inboxes: those with a conversation or a contact inbox in one of them
 * (an empty list matches none).
 */
function inInboxes<QB extends SelectQueryBuilder<Database, 'contacts', object>>(
  query: QB,
  inboxIds: readonly number[] | null | undefined,
): QB {
  if (inboxIds == null) return query;
  if (inboxIds.length === 0) return query.where(sql<SqlBool>`1 = 0`) as QB;
  const ids = [...inboxIds];
  return query.where((eb) =>
    eb.or([
      eb.exists(
        eb
          .selectFrom('conversations')
          .select('conversations.id')
          .whereRef('conversations.contact_id', '=', 'contacts.id')
          .where('conversations.inbox_id', 'in', ids),
      ),
      eb.exists(
        eb
          .selectFrom('contact_inboxes')
          .select('contact_inboxes.id')
          .whereRef('contact_inboxes.contact_id', '=', 'contacts.id')
          .where('contact_inboxes.inbox_id', 'in', ids),
      ),
    ]),
  ) as QB;
}

function sortExpression(key: ContactSortKey, dialect: DialectName): Expression<unknown> {
  const column = sql.ref(`contacts.${key}`);
  if (!TEXT_SORTS.has(key)) return column;
  // Byte order on both databases, so a page holds the same contacts on SQLite and PostgreSQL.
  return dialect === 'postgres' ? sql`lower(${column}) collate "C"` : sql`lower(${column})`;
}

/**
 * Which contacts an account member may see: all of them (null), unless the account keeps
 * agents to the contacts of their inboxes (`contacts_by_inbox`, off by default as in
 * Chatwoot) and the viewer is an agent: then the ids of their inboxes.
 */
export function contactScope(
  viewer: Viewer & { account: { contacts_by_inbox: number } },
): number[] | null {
  return viewer.account.contacts_by_inbox === 1 ? visibleInboxIds(viewer) : null;
}

/** One page of the account's contacts and how many match in all. */
export async function listContacts(
  db: Kysely<Database>,
  dialect: DialectName,
  accountId: number,
  options: ContactListOptions,
): Promise<{ rows: ContactRow[]; count: number }> {
  let filtered = inInboxes(
    db.selectFrom('contacts').where('contacts.account_id', '=', accountId),
    options.inboxIds,
  );
  const search = options.search?.trim();
  if (search) {
    const pattern = likePattern(search);
    filtered = filtered.where((eb) =>
      eb.or(
        SEARCHED.map(
          (column) =>
            sql<SqlBool>`lower(${sql.ref(`contacts.${column}`)}) like lower(${pattern}) escape '\\'`,
        ),
      ),
    );
  }
  const descending = options.sort.startsWith('-');
  const key = (descending ? options.sort.slice(1) : options.sort) as ContactSortKey;
  const direction = descending ? 'desc' : 'asc';
  const [rows, total] = await Promise.all([
    filtered
      .selectAll('contacts')
      // Contacts without a value come last in either direction, on both databases.
      .orderBy(sql`case when ${sql.ref(`contacts.${key}`)} is null then 1 else 0 end`)
      .orderBy(sortExpression(key, dialect), direction)
      .orderBy('contacts.id', direction)
      .limit(CONTACTS_PER_PAGE)
      .offset((options.page - 1) * CONTACTS_PER_PAGE)
      .execute(),
    filtered.select((eb) => eb.fn.countAll<number>().as('count')).executeTakeFirstOrThrow(),
  ]);
  return { rows, count: Number(total.count) };
}

export async function findContact(
  db: Kysely<Database>,
  accountId: number,
  contactId: number,
  inboxIds?: readonly number[] | null,
): Promise<ContactRow | undefined> {
  return inInboxes(
    db
      .selectFrom('contacts')
      .where('contacts.account_id', '=', accountId)
      .where('contacts.id', '=', contactId),
    inboxIds,
  )
    .selectAll('contacts')
    .executeTakeFirst();
}

/** Another contact of the account already using this value of a unique-per-account field. */
export async function findContactBy(
  db: Kysely<Database>,
  accountId: number,
  column: 'email' | 'identifier',
  value: string,
  exceptId?: number,
): Promise<{ id: number } | undefined> {
  let query = db
    .selectFrom('contacts')
    .select('id')
    .where('account_id', '=', accountId)
    .where(column, '=', value);
  if (exceptId !== undefined) query = query.where('id', '!=', exceptId);
  return query.executeTakeFirst();
}

/** The contact's contact_inboxes in inboxes the viewer may see, with their inbox. */
export async function listContactInboxes(
  db: Kysely<Database>,
  contactId: number,
  viewer: Viewer,
): Promise<{ source_id: string; hmac_verified: number; inbox: InboxRow }[]> {
  const rows = await db
    .selectFrom('contact_inboxes')
    .innerJoin('inboxes', 'inboxes.id', 'contact_inboxes.inbox_id')
    .selectAll('inboxes')
    .select(['contact_inboxes.source_id', 'contact_inboxes.hmac_verified'])
    .where('contact_inboxes.contact_id', '=', contactId)
    .where(visibleInboxCondition('inboxes.id', viewer))
    .orderBy('contact_inboxes.id')
    .execute();
  return rows.map(({ source_id, hmac_verified, ...inbox }) => ({
    source_id,
    hmac_verified,
    inbox,
  }));
}

/** The contact's conversations in inboxes the viewer may see, latest activity first. */
export async function listContactConversations(
  db: Kysely<Database>,
  accountId: number,
  contactId: number,
  viewer: Viewer,
): Promise<ConversationRow[]> {
  return db
    .selectFrom('conversations')
    .selectAll()
    .where('account_id', '=', accountId)
    .where('contact_id', '=', contactId)
    .where(visibleInboxCondition('conversations.inbox_id', viewer))
    .orderBy('last_activity_at', 'desc')
    .orderBy('id', 'desc')
    .limit(100)
    .execute();
}
