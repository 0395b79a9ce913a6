import type { Kysely } from 'kysely';
import type { Database, InboxRow } from '../../db/schema';
import { agentsAmong, type AgentRecord } from '../agents/queries';
import { seesEveryInbox, type InboxViewer } from './policy';

/** The inboxes the viewer may see, oldest first. */
export async function listInboxes(
  db: Kysely<Database>,
  accountId: number,
  viewer: InboxViewer,
): Promise<InboxRow[]> {
  let query = db.selectFrom('inboxes').selectAll('inboxes').where('account_id', '=', accountId);
  if (!seesEveryInbox(viewer)) {
    query = query.where('inboxes.id', 'in', (eb) =>
      eb.selectFrom('inbox_members').select('inbox_id').where('user_id', '=', viewer.userId),
    );
  }
  return query.orderBy('inboxes.id').execute();
}

/** An inbox of the account; undefined when it is not there or the viewer may not see it. */
export async function findInbox(
  db: Kysely<Database>,
  accountId: number,
  inboxId: number,
  viewer?: InboxViewer,
): Promise<InboxRow | undefined> {
  let query = db
    .selectFrom('inboxes')
    .selectAll('inboxes')
    .where('account_id', '=', accountId)
    .where('inboxes.id', '=', inboxId);
  if (viewer && !seesEveryInbox(viewer)) {
    query = query.where('inboxes.id', 'in', (eb) =>
      eb.selectFrom('inbox_members').select('inbox_id').where('user_id', '=', viewer.userId),
    );
  }
  return query.executeTakeFirst();
}

/** Members of an inbox who still belong to its account, by name. */
export function listInboxMembers(
  db: Kysely<Database>,
  accountId: number,
  inboxId: number,
): Promise<AgentRecord[]> {
  const members = db.selectFrom('inbox_members').select('user_id').where('inbox_id', '=', inboxId);
  return agentsAmong(db, accountId, members);
}
