/**
 * Who sees which dashboard app (issue 12): the rule itself is the protocol's
 * (`appVisibleTo`, `appShownInInbox`); this loads what it needs about the caller and checks
 * that a rule names only the account's own inboxes and teams.
 */
import {
  appShownInInbox,
  appVisibleTo,
  type AppViewer,
  type DashboardAppVisibility,
} from '@bevatel/protocol';
import type { Kysely } from 'kysely';
import { visibleInboxIds, type Viewer } from '../../core/visibility';
import type { Database, DashboardAppRow } from '../../db/schema';
import { invalid } from '../../lib/errors';
import { visibilityOf } from './presenter';

type Db = Kysely<Database>;

/** The caller's role, teams and inboxes in the account, as the protocol's rule takes them. */
export async function loadAppViewer(
  db: Db,
  caller: Viewer & { accountId: number; user: { id: number } },
): Promise<AppViewer> {
  const teams = await db
    .selectFrom('team_members')
    .innerJoin('teams', 'teams.id', 'team_members.team_id')
    .select('team_members.team_id')
    .where('teams.account_id', '=', caller.accountId)
    .where('team_members.user_id', '=', caller.user.id)
    .execute();
  return {
    role: caller.role,
    teamIds: teams.map((row) => row.team_id),
    inboxIds: visibleInboxIds(caller) ?? 'all',
  };
}

/** Enabled and allowed by its rule: the app appears somewhere for this viewer. */
export const appAppearsFor = (row: DashboardAppRow, viewer: AppViewer): boolean =>
  row.enabled === 1 && appVisibleTo(visibilityOf(row), viewer);

/** …and beside a conversation of `inboxId`. */
export const appAppearsInInbox = (row: DashboardAppRow, viewer: AppViewer, inboxId: number) =>
  appAppearsFor(row, viewer) && appShownInInbox(visibilityOf(row), inboxId);

/** Refuses a rule that names an inbox or team the account does not have. */
export async function checkVisibilityTargets(
  db: Db,
  accountId: number,
  rule: DashboardAppVisibility,
): Promise<void> {
  const checks = [
    {
      field: 'visibility.inbox_ids',
      table: 'inboxes' as const,
      what: 'inbox',
      ids: rule.inbox_ids,
    },
    { field: 'visibility.team_ids', table: 'teams' as const, what: 'team', ids: rule.team_ids },
  ];
  for (const { field, table, what, ids } of checks) {
    if (ids.length === 0) continue;
    const found = new Set(
      (
        await db
          .selectFrom(table)
          .select('id')
          .where('account_id', '=', accountId)
          .where('id', 'in', ids)
          .execute()
      ).map((row) => row.id),
    );
    const index = ids.findIndex((id) => !found.has(id));
    if (index >= 0) {
      throw invalid(
        `${field}[${index}]`,
        `${field}[${index}]: no such ${what} in this account (id ${ids[index]})`,
      );
    }
  }
}
