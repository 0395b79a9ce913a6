import type { Kysely } from 'kysely';
import type { Caller } from '../../core/caller';
import { visibleInboxCondition } from '../../core/visibility';
import type { Database, InboxRow } from '../../db/schema';
import { agentsAmong } from '../agents';
import type { AgentRecord } from '../../presenters/agent';

/** The inboxes the caller may see, oldest first. */
export async function listInboxes(db: Kysely<Database>, caller: Caller): Promise<InboxRow[]> {
  return db
    .selectFrom('inboxes')
    .selectAll('inboxes')
    .where('account_id', '=', caller.account.id)
    .where(visibleInboxCondition('inboxes.id', caller))
    .orderBy('inboxes.id')
    .execute();
}

/** An inbox of the caller's account; undefined when it is not there or they may not see it. */
export async function findInbox(
  db: Kysely<Database>,
  caller: Caller,
  inboxId: number,
): Promise<InboxRow | undefined> {
  return db
    .selectFrom('inboxes')
    .selectAll('inboxes')
    .where('account_id', '=', caller.account.id)
    .where('inboxes.id', '=', inboxId)
    .where(visibleInboxCondition('inboxes.id', caller))
    .executeTakeFirst();
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
