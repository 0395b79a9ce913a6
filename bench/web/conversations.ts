import type { RunningDashboard } from '../../e2e/support/dashboard';

export { addConversations } from '../../e2e/support/bulk-conversations';

/** Conversations of the account, for the table's "conversations" column. */
export async function countConversations(dashboard: RunningDashboard): Promise<number> {
  const row = await dashboard.db
    .selectFrom('conversations')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('account_id', '=', dashboard.accountId)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}
