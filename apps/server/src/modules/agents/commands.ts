import type { AvailabilityStatus, UserRole } from '@bevatel/protocol';
import type { Caller } from '../../core/caller';
import { membershipChanged, outcome, type Outcome, type Tx } from '../../core/commands';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema';
import { lockAccount } from '../../lib/db-errors';
import { forbidden, notFound } from '../../lib/errors';
import { nowMs } from '../../lib/time';
import { assertCanChangeRole, assertCanRemoveAgent } from './policy';
import { countAdministrators, findAgent } from './queries';
import type { AgentRecord } from '../../presenters/agent';

/**
 * Re-checks, under the account lock, that the acting administrator still is one: a request
 * that started before someone removed or demoted them must not go on to act.
 */
async function assertStillAdmin(db: Kysely<Database>, accountId: number, actorId: number) {
  const actor = await findAgent(db, accountId, actorId);
  if (actor?.membership.role !== 'administrator') {
    throw forbidden('Only administrators can do this');
  }
}

/**
 * What an administrator may change of a member: their role and, in this account, availability
 * and auto-offline. Name, display name, avatar and password belong to the person (their profile).
 */
export interface AgentChanges {
  role?: UserRole;
  availability?: AvailabilityStatus;
  auto_offline?: boolean;
}

export async function updateAgent(
  tx: Tx,
  caller: Caller,
  userId: number,
  changes: AgentChanges,
): Promise<Outcome<AgentRecord>> {
  const { accountId } = caller;
  const actorId = caller.user.id;
  const trx = tx.db;
  await lockAccount(trx, tx.dialect, accountId);
  await assertStillAdmin(trx, accountId, actorId);
  const current = await findAgent(trx, accountId, userId);
  if (!current) throw notFound('Agent');
  if (changes.role !== undefined) {
    assertCanChangeRole({
      currentRole: current.membership.role,
      nextRole: changes.role,
      administrators: await countAdministrators(trx, accountId),
    });
  }
  if (
    changes.role !== undefined ||
    changes.auto_offline !== undefined ||
    changes.availability !== undefined
  ) {
    await trx
      .updateTable('account_users')
      .set({
        ...(changes.role !== undefined ? { role: changes.role } : {}),
        ...(changes.availability !== undefined ? { availability: changes.availability } : {}),
        ...(changes.auto_offline !== undefined
          ? { auto_offline: changes.auto_offline ? 1 : 0 }
          : {}),
      })
      .where('account_id', '=', accountId)
      .where('user_id', '=', userId)
      .execute();
  }
  const updated = await findAgent(trx, accountId, userId);
  if (!updated) throw notFound('Agent');
  // A new role changes what their open sockets may see.
  return outcome(updated, changes.role !== undefined ? [membershipChanged(accountId, userId)] : []);
}

/**
 * Removes a person from the account (the user remains for their other accounts): their inbox
 * and team memberships here go, and their conversations here become unassigned.
 */
export async function removeAgent(tx: Tx, caller: Caller, userId: number): Promise<Outcome<void>> {
  const { accountId } = caller;
  const actorId = caller.user.id;
  const trx = tx.db;
  await lockAccount(trx, tx.dialect, accountId);
  await assertStillAdmin(trx, accountId, actorId);
  const target = await findAgent(trx, accountId, userId);
  if (!target) throw notFound('Agent');
  assertCanRemoveAgent({
    actorId,
    targetId: userId,
    targetRole: target.membership.role,
    administrators: await countAdministrators(trx, accountId),
  });
  await trx
    .deleteFrom('inbox_members')
    .where('user_id', '=', userId)
    .where('inbox_id', 'in', (eb) =>
      eb.selectFrom('inboxes').select('id').where('account_id', '=', accountId),
    )
    .execute();
  await trx
    .deleteFrom('team_members')
    .where('user_id', '=', userId)
    .where('team_id', 'in', (eb) =>
      eb.selectFrom('teams').select('id').where('account_id', '=', accountId),
    )
    .execute();
  await trx
    .updateTable('conversations')
    .set({ assignee_id: null, updated_at: nowMs() })
    .where('account_id', '=', accountId)
    .where('assignee_id', '=', userId)
    .execute();
  await trx
    .deleteFrom('account_users')
    .where('account_id', '=', accountId)
    .where('user_id', '=', userId)
    .execute();
  return outcome(undefined, [membershipChanged(accountId, userId)]);
}
