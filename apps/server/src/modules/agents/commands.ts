import type { AvailabilityStatus, UserRole } from '@bevatel/protocol';
import type { FastifyInstance } from 'fastify';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema';
import { isUniqueViolation, lockAccount } from '../../lib/db-errors';
import { forbidden, invalid, notFound } from '../../lib/errors';
import { hashPassword } from '../../lib/passwords';
import { nowMs } from '../../lib/time';
import { randomToken } from '../../lib/tokens';
import { assertCanChangeRole, assertCanRemoveAgent } from './policy';
import { countAdministrators, findAgent, type AgentRecord } from './queries';

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

type App = Pick<FastifyInstance, 'db' | 'dialect' | 'realtime'>;

export interface NewAgent {
  name: string;
  email: string;
  role: UserRole;
  password?: string;
}

export interface CreatedAgent {
  record: AgentRecord;
  /** Set only when a new user was created without a password: shown to the admin once. */
  generatedPassword: string | null;
}

const duplicateEmail = () =>
  invalid('email', 'This email already belongs to an agent of this account');

/**
 * Adds a person to the account. An unknown email creates the user; a known one attaches the
 * existing user as they are (their name and password belong to them, not to this account).
 */
export async function createAgent(
  app: App,
  accountId: number,
  input: NewAgent,
): Promise<CreatedAgent> {
  const email = input.email.trim().toLowerCase();
  const generated = input.password === undefined ? randomToken(12) : null;
  // Hashing is slow on purpose: do it before taking any lock.
  const passwordHash = await hashPassword(input.password ?? (generated as string));
  try {
    return await app.db.transaction().execute(async (trx) => {
      await lockAccount(trx, app.dialect, accountId);
      const existing = await trx
        .selectFrom('users')
        .select('id')
        .where('email', '=', email)
        .executeTakeFirst();
      let userId: number;
      if (existing) {
        const member = await trx
          .selectFrom('account_users')
          .select('id')
          .where('account_id', '=', accountId)
          .where('user_id', '=', existing.id)
          .executeTakeFirst();
        if (member) throw duplicateEmail();
        userId = existing.id;
      } else {
        const now = nowMs();
        const user = await trx
          .insertInto('users')
          .values({
            name: input.name.trim(),
            display_name: null,
            email,
            password_hash: passwordHash,
            access_token: randomToken(),
            avatar_url: null,
            ui_settings: '{}',
            availability: 'offline',
            created_at: now,
            updated_at: now,
          })
          .returning('id')
          .executeTakeFirstOrThrow();
        userId = user.id;
      }
      await trx
        .insertInto('account_users')
        .values({
          account_id: accountId,
          user_id: userId,
          role: input.role,
          auto_offline: 1,
          created_at: nowMs(),
        })
        .execute();
      const record = await findAgent(trx, accountId, userId);
      if (!record) throw notFound('Agent');
      return { record, generatedPassword: existing ? null : generated };
    });
  } catch (error) {
    // Two admins adding the same new email at once: the loser sees the usual message.
    if (isUniqueViolation(error)) throw duplicateEmail();
    throw error;
  }
}

export interface AgentChanges {
  name?: string;
  role?: UserRole;
  availability?: AvailabilityStatus;
  auto_offline?: boolean;
}

export async function updateAgent(
  app: App,
  accountId: number,
  actorId: number,
  userId: number,
  changes: AgentChanges,
): Promise<AgentRecord> {
  const record = await app.db.transaction().execute(async (trx) => {
    await lockAccount(trx, app.dialect, accountId);
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
    if (changes.name !== undefined || changes.availability !== undefined) {
      await trx
        .updateTable('users')
        .set({
          ...(changes.name !== undefined ? { name: changes.name.trim() } : {}),
          ...(changes.availability !== undefined ? { availability: changes.availability } : {}),
          updated_at: nowMs(),
        })
        .where('id', '=', userId)
        .execute();
    }
    if (changes.role !== undefined || changes.auto_offline !== undefined) {
      await trx
        .updateTable('account_users')
        .set({
          ...(changes.role !== undefined ? { role: changes.role } : {}),
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
    return updated;
  });
  // A new role changes what their open sockets may see.
  if (changes.role !== undefined) await app.realtime.membershipChanged(accountId, userId);
  return record;
}

/**
 * Removes a person from the account (the user remains for their other accounts): their inbox
 * and team memberships here go, and their conversations here become unassigned.
 */
export async function removeAgent(
  app: App,
  accountId: number,
  actorId: number,
  userId: number,
): Promise<void> {
  await app.db.transaction().execute(async (trx) => {
    await lockAccount(trx, app.dialect, accountId);
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
  });
  await app.realtime.membershipChanged(accountId, userId);
}
