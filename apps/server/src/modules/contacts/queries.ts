import { sql, type Expression, type Kysely, type SqlBool } from 'kysely';
import type { DialectName } from '../../db/dialect';
import type { ContactRow, ConversationRow, Database, InboxRow } from '../../db/schema';
import { seesEveryInbox, type InboxViewer } from '../inboxes/policy';
import { likePattern } from './policy';

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
}

function sortExpression(key: ContactSortKey, dialect: DialectName): Expression<unknown> {
  const column = sql.ref(`contacts.${key}`);
  if (!TEXT_SORTS.has(key)) return column;
  // Byte order on both databases, so a page holds the same contacts on SQLite and PostgreSQL.
  return dialect === 'postgres' ? sql`lower(${column}) collate "C"` : sql`lower(${column})`;
}

/** One page of the account's contacts and how many match in all. */
export async function listContacts(
  db: Kysely<Database>,
  dialect: DialectName,
  accountId: number,
  options: ContactListOptions,
): Promise<{ rows: ContactRow[]; count: number }> {
  let filtered = db.selectFrom('contacts').where('contacts.account_id', '=', accountId);
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
): Promise<ContactRow | undefined> {
  return db
    .selectFrom('contacts')
    .selectAll()
    .where('account_id', '=', accountId)
    .where('id', '=', contactId)
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

const visibleTo = (viewer: InboxViewer) => (db: Kysely<Database>) =>
  db.selectFrom('inbox_members').select('inbox_id').where('user_id', '=', viewer.userId);

/** The contact's contact_inboxes in inboxes the viewer may see, with their inbox. */
export async function listContactInboxes(
  db: Kysely<Database>,
  contactId: number,
  viewer: InboxViewer,
): Promise<{ source_id: string; hmac_verified: number; inbox: InboxRow }[]> {
  let query = db
    .selectFrom('contact_inboxes')
    .innerJoin('inboxes', 'inboxes.id', 'contact_inboxes.inbox_id')
    .selectAll('inboxes')
    .select(['contact_inboxes.source_id', 'contact_inboxes.hmac_verified'])
    .where('contact_inboxes.contact_id', '=', contactId);
  if (!seesEveryInbox(viewer)) {
    query = query.where('inboxes.id', 'in', visibleTo(viewer)(db));
  }
  const rows = await query.orderBy('contact_inboxes.id').execute();
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
  viewer: InboxViewer,
): Promise<ConversationRow[]> {
  let query = db
    .selectFrom('conversations')
    .selectAll()
    .where('account_id', '=', accountId)
    .where('contact_id', '=', contactId);
  if (!seesEveryInbox(viewer)) query = query.where('inbox_id', 'in', visibleTo(viewer)(db));
  return query.orderBy('last_activity_at', 'desc').orderBy('id', 'desc').limit(100).execute();
}
