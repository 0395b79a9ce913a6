import type { ConversationCounts, ConversationStatus } from '@bevatel/protocol';
import { CONVERSATION_STATUSES } from '@bevatel/protocol';
import { sql, type Expression, type ExpressionBuilder, type Kysely, type SqlBool } from 'kysely';
import type { ConversationRow, Database } from '../../db/schema';
import type { Caller } from '../../core/caller';
import { visibleInboxIds } from '../../core/visibility';
import { gather } from '../../core/gather';
import { containsText, saidMessageContains } from '../../lib/like';

export const CONVERSATIONS_PER_PAGE = 25;

export type StatusFilter = ConversationStatus | 'all';
export type AssigneeFilter = 'me' | 'unassigned' | 'assigned' | 'all';

export interface ConversationFilters {
  status: StatusFilter;
  assigneeType: AssigneeFilter;
  inboxId?: number;
  teamId?: number;
  labels: string[];
  q?: string;
}

type Eb = ExpressionBuilder<Database, 'conversations'>;

function searchCondition(eb: Eb, accountId: number, q: string): Expression<SqlBool> {
  const like = (column: string) => containsText(column, q);
  const matches: Expression<SqlBool>[] = [
    eb(
      'conversations.contact_id',
      'in',
      eb
        .selectFrom('contacts')
        .select('contacts.id')
        .where('contacts.account_id', '=', accountId)
        .where((inner) =>
          inner.or([
            like('contacts.name'),
            like('contacts.email'),
            like('contacts.phone_number'),
            like('contacts.identifier'),
          ]),
        ),
    ),
    eb.exists(
      eb
        .selectFrom('messages')
        .select(sql`1`.as('one'))
        .whereRef('messages.conversation_id', '=', 'conversations.id')
        .where(saidMessageContains(q)),
    ),
  ];
  const number = q.replace(/^#/, '');
  if (/^\d{1,9}$/.test(number)) matches.push(eb('conversations.display_id', '=', Number(number)));
  return eb.or(matches);
}

/** The conditions every count and the page share (all but the assignee filter). */
function scopeConditions(
  eb: Eb,
  caller: Caller,
  filters: ConversationFilters,
  inboxIds: number[] | null = visibleInboxIds(caller),
): Expression<SqlBool>[] {
  const conditions: Expression<SqlBool>[] = [
    eb('conversations.account_id', '=', caller.account.id),
  ];
  if (filters.status !== 'all') conditions.push(eb('conversations.status', '=', filters.status));
  if (inboxIds) conditions.push(eb('conversations.inbox_id', 'in', inboxIds));
  if (filters.inboxId !== undefined) {
    conditions.push(eb('conversations.inbox_id', '=', filters.inboxId));
  }
  if (filters.teamId !== undefined) {
    conditions.push(eb('conversations.team_id', '=', filters.teamId));
  }
  if (filters.labels.length) {
    conditions.push(
      eb(
        'conversations.id',
        'in',
        eb
          .selectFrom('conversation_labels')
          .select('conversation_labels.conversation_id')
          .where('conversation_labels.label', 'in', filters.labels),
      ),
    );
  }
  if (filters.q) conditions.push(searchCondition(eb, caller.account.id, filters.q));
  return conditions;
}

function assigneeCondition(eb: Eb, caller: Caller, type: AssigneeFilter): Expression<SqlBool>[] {
  switch (type) {
    case 'me':
      return [eb('conversations.assignee_id', '=', caller.user.id)];
    case 'unassigned':
      return [eb('conversations.assignee_id', 'is', null)];
    case 'assigned':
      return [eb('conversations.assignee_id', 'is not', null)];
    case 'all':
      return [];
  }
}

/**
 * mine / unassigned / all counts for the filters. Filtered by status and inbox only (the
 * list's tabs), they are sums over the counters the database keeps (migration 0012): a few
 * dozen rows whatever the number of conversations. Other filters count the conversations.
 */
export async function countConversations(
  db: Kysely<Database>,
  caller: Caller,
  filters: ConversationFilters,
): Promise<ConversationCounts> {
  const inboxIds = visibleInboxIds(caller);
  if (inboxIds && inboxIds.length === 0)
    return { mine_count: 0, unassigned_count: 0, all_count: 0 };
  const counted = filters.teamId === undefined && !filters.labels.length && !filters.q;
  return counted
    ? sumCounters(db, caller, filters, inboxIds)
    : countRows(db, caller, filters, inboxIds);
}

async function sumCounters(
  db: Kysely<Database>,
  caller: Caller,
  filters: ConversationFilters,
  inboxIds: number[] | null,
): Promise<ConversationCounts> {
  const row = await db
    .selectFrom('conversation_counts')
    .select((eb) => [
      eb.fn.coalesce(eb.fn.sum<number>('count'), sql<number>`0`).as('all_count'),
      sql<number>`coalesce(sum(case when assignee_id = ${caller.user.id} then count end), 0)`.as(
        'mine_count',
      ),
      sql<number>`coalesce(sum(case when assignee_id = 0 then count end), 0)`.as(
        'unassigned_count',
      ),
    ])
    .where('account_id', '=', caller.account.id)
    .$if(filters.status !== 'all', (qb) => qb.where('status', '=', filters.status))
    .$if(inboxIds !== null, (qb) => qb.where('inbox_id', 'in', inboxIds!))
    .$if(filters.inboxId !== undefined, (qb) => qb.where('inbox_id', '=', filters.inboxId!))
    .executeTakeFirst();
  return {
    mine_count: Number(row?.mine_count ?? 0),
    unassigned_count: Number(row?.unassigned_count ?? 0),
    all_count: Number(row?.all_count ?? 0),
  };
}

/**
 * The counts by counting: three counts rather than one pass with CASE sums, since without
 * the extra filters each is a prefix of an index — (account, status) and (account, assignee,
 * status) — so no table row is read.
 */
async function countRows(
  db: Kysely<Database>,
  caller: Caller,
  filters: ConversationFilters,
  inboxIds: number[] | null,
): Promise<ConversationCounts> {
  const count = async (assignee: AssigneeFilter) => {
    const row = await db
      .selectFrom('conversations')
      .select((eb) => eb.fn.countAll<number>().as('count'))
      .where((eb) =>
        eb.and([
          ...scopeConditions(eb, caller, filters, inboxIds),
          ...assigneeCondition(eb, caller, assignee),
        ]),
      )
      .executeTakeFirst();
    return Number(row?.count ?? 0);
  };
  const [mine, unassigned, all] = await gather(
    db,
    () => count('me'),
    () => count('unassigned'),
    () => count('all'),
  );
  return { mine_count: mine, unassigned_count: unassigned, all_count: all };
}

/** Above this many rows read in all partitions together, one sorted query is cheaper. */
const MAX_PARTITIONED_ROWS = 20_000;

/**
 * The index ranges whose union is the filtered set, each already ordered by last_activity_at:
 * one per status (when listing all statuses) and per inbox (when limited to several inboxes).
 * Null when one range covers it.
 */
function partitionsOf(
  filters: ConversationFilters,
  inboxIds: number[] | null,
): { status: StatusFilter; inboxIds: number[] | null }[] | null {
  const statuses: StatusFilter[] =
    filters.status === 'all' ? [...CONVERSATION_STATUSES] : [filters.status];
  let inboxes: (number | null)[] = [null];
  if (filters.inboxId !== undefined) {
    inboxes = inboxIds && !inboxIds.includes(filters.inboxId) ? [] : [filters.inboxId];
  } else if (inboxIds) inboxes = inboxIds;
  if (statuses.length === 1 && inboxes.length <= 1) return null;
  return statuses.flatMap((status) =>
    inboxes.map((inbox) => ({ status, inboxIds: inbox === null ? null : [inbox] })),
  );
}

/**
 * One page, newest activity first (ties by id). A filter the (account, …, status,
 * last_activity_at) indexes cannot answer in order — all statuses, or an agent's several
 * inboxes — is read as a UNION ALL of ordered ranges, each cut at the page's end, then merged:
 * the first page of "all" reads about 100 index entries instead of sorting the account.
 */
export async function listConversations(
  db: Kysely<Database>,
  caller: Caller,
  filters: ConversationFilters,
  page: number,
): Promise<ConversationRow[]> {
  const inboxIds = visibleInboxIds(caller);
  if (inboxIds && inboxIds.length === 0) return [];
  const offset = (page - 1) * CONVERSATIONS_PER_PAGE;
  const range = (status: StatusFilter, inboxes: number[] | null, explicitInbox: boolean) =>
    db
      .selectFrom('conversations')
      .selectAll()
      .where((eb) =>
        eb.and([
          ...scopeConditions(
            eb,
            caller,
            { ...filters, status, inboxId: explicitInbox ? filters.inboxId : undefined },
            inboxes,
          ),
          ...assigneeCondition(eb, caller, filters.assigneeType),
        ]),
      )
      .orderBy('conversations.last_activity_at', 'desc')
      .orderBy('conversations.id', 'desc');

  const partitions = partitionsOf(filters, inboxIds);
  const perPartition = offset + CONVERSATIONS_PER_PAGE;
  if (!partitions || partitions.length * perPartition > MAX_PARTITIONED_ROWS) {
    return range(filters.status, inboxIds, true)
      .limit(CONVERSATIONS_PER_PAGE)
      .offset(offset)
      .execute();
  }
  if (partitions.length === 0) return [];
  const parts = partitions.map((part, i) =>
    db
      .selectFrom(range(part.status, part.inboxIds, false).limit(perPartition).as(`p${i}`))
      .selectAll(),
  );
  const union = parts.slice(1).reduce((all, part) => all.unionAll(part), parts[0]!);
  return db
    .selectFrom(union.as('merged'))
    .selectAll()
    .orderBy('merged.last_activity_at', 'desc')
    .orderBy('merged.id', 'desc')
    .limit(CONVERSATIONS_PER_PAGE)
    .offset(offset)
    .execute();
}
