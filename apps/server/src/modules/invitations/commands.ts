/**
 * Invitations: how a person joins an account. An administrator names an e-mail; whether or not
 * it already has an account, the answer is the same pending invitation (no membership, no
 * oracle). The person accepts from their own session (existing users) or through the one-time
 * link, where a new user chooses their own password.
 */
import type { UserRole } from '@bevatel/protocol';
import type { Kysely } from 'kysely';
import type { Caller } from '../../core/caller';
import { membershipChanged, outcome, type Outcome, type Tx } from '../../core/commands';
import type { Database, InvitationRow } from '../../db/schema';
import { lockAccount } from '../../lib/db-errors';
import { HttpError, invalid, notFound } from '../../lib/errors';
import { hashPassword } from '../../lib/passwords';
import { nowMs } from '../../lib/time';
import { isOpen, linkGone, newLinkToken } from '../../lib/one-time-links';
import { issueAccessToken } from '../../lib/access-tokens';
import { assertPasswordPolicy } from '../auth';
import { invitationByToken, type InvitationWithAccount } from './queries';

/** Who invites: an administrator of the account (only what the row records is needed). */
export type Inviter = Pick<Caller, 'accountId'> & { user: { id: number } };

/** The default lifetime (INVITATION_TTL_HOURS overrides it): a week to find the e-mail. */
export const INVITATION_TTL_MS = 7 * 24 * 60 * 60 * 1000;

export interface NewInvitation {
  name: string;
  email: string;
  role: UserRole;
}

/**
 * Records (or renews) the invitation of `email` to the account. The caller learns nothing
 * about the e-mail beyond what it already knows: whether it is a member of its own account.
 */
export async function inviteToAccount(
  tx: Tx,
  inviter: Inviter,
  input: NewInvitation,
  ttlMs: number = INVITATION_TTL_MS,
): Promise<Outcome<{ invitation: InvitationRow; token: string }>> {
  const { accountId } = inviter;
  const email = input.email.trim().toLowerCase();
  const { token, digest } = newLinkToken();
  const trx = tx.db;
  await lockAccount(trx, tx.dialect, accountId);
  const member = await trx
    .selectFrom('account_users')
    .innerJoin('users', 'users.id', 'account_users.user_id')
    .select('users.id')
    .where('account_users.account_id', '=', accountId)
    .where('users.email', '=', email)
    .executeTakeFirst();
  if (member) throw invalid('email', 'This email already belongs to an agent of this account');
  // A new invitation replaces an earlier pending one: only the latest link works.
  await trx
    .updateTable('invitations')
    .set({ status: 'revoked', responded_at: nowMs() })
    .where('account_id', '=', accountId)
    .where('email', '=', email)
    .where('status', '=', 'pending')
    .execute();
  const now = nowMs();
  const invitation = await trx
    .insertInto('invitations')
    .values({
      account_id: accountId,
      email,
      name: input.name.trim(),
      role: input.role,
      invited_by: inviter.user.id,
      token_digest: digest,
      status: 'pending',
      expires_at: now + ttlMs,
      created_at: now,
      responded_at: null,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  return outcome({ invitation, token });
}

export async function revokeInvitation(
  tx: Tx,
  caller: Caller,
  invitationId: number,
): Promise<Outcome<void>> {
  const result = await tx.db
    .updateTable('invitations')
    .set({ status: 'revoked', responded_at: nowMs() })
    .where('id', '=', invitationId)
    .where('account_id', '=', caller.accountId)
    .where('status', '=', 'pending')
    .executeTakeFirst();
  if (Number(result.numUpdatedRows) === 0) throw notFound('Invitation');
  return outcome(undefined);
}

const gone = () =>
  linkGone('This invitation has expired or was already answered; ask for a new one');

/** The invitation, if it can still be answered now. */
function assertOpen<T extends InvitationRow>(invitation: T | undefined): T {
  if (!invitation) throw notFound('Invitation');
  if (!isOpen(invitation, nowMs())) throw gone();
  return invitation;
}

/**
 * Answers the invitation for `userId`, whose e-mail it must be addressed to. Accepting makes the
 * membership (once: a second answer finds it answered).
 */
export async function answerInvitation(
  tx: Tx,
  invitation: InvitationRow,
  user: { id: number; email: string },
  answer: 'accepted' | 'declined',
): Promise<Outcome<void>> {
  if (invitation.email !== user.email) throw notFound('Invitation');
  const trx = tx.db;
  await lockAccount(trx, tx.dialect, invitation.account_id);
  const claimed = await trx
    .updateTable('invitations')
    .set({ status: answer, responded_at: nowMs() })
    .where('id', '=', invitation.id)
    .where('status', '=', 'pending')
    .where('expires_at', '>', nowMs())
    .executeTakeFirst();
  if (Number(claimed.numUpdatedRows) === 0) throw gone();
  if (answer === 'declined') return outcome(undefined);
  const already = await trx
    .selectFrom('account_users')
    .select('id')
    .where('account_id', '=', invitation.account_id)
    .where('user_id', '=', user.id)
    .executeTakeFirst();
  if (already) return outcome(undefined);
  await trx
    .insertInto('account_users')
    .values({
      account_id: invitation.account_id,
      user_id: user.id,
      role: invitation.role,
      auto_offline: 1,
      availability: 'offline',
      created_at: nowMs(),
    })
    .execute();
  return outcome(undefined, [membershipChanged(invitation.account_id, user.id)]);
}

/** What the one-time link's page shows. */
export async function openInvitation(
  db: Kysely<Database>,
  token: string,
): Promise<InvitationWithAccount> {
  return assertOpen(await invitationByToken(db, token));
}

/** What the one-time link's new user chose, checked and hashed before any lock is taken. */
export interface NewUserAcceptance {
  invitation: InvitationRow;
  name: string;
  passwordHash: string;
  accessToken: ReturnType<typeof issueAccessToken>['columns'];
}

/**
 * Checks what someone without an account sent through the one-time link. An e-mail that
 * already has an account must sign in and accept from their session instead (the link never
 * sets an existing user's password). Hashing is slow on purpose: it runs outside the command.
 */
export async function prepareNewUser(
  db: Kysely<Database>,
  secretKeyBase: string,
  token: string,
  input: { name?: string; password: string },
): Promise<NewUserAcceptance> {
  const invitation = assertOpen(await invitationByToken(db, token));
  assertPasswordPolicy(input.password, [invitation.email, input.name ?? invitation.name]);
  const existing = await db
    .selectFrom('users')
    .select('id')
    .where('email', '=', invitation.email)
    .executeTakeFirst();
  if (existing) {
    throw new HttpError(
      'conflict',
      'This email already has an account: sign in, then accept the invitation there',
    );
  }
  return {
    invitation,
    name: (input.name ?? invitation.name).trim() || invitation.email,
    passwordHash: await hashPassword(input.password),
    accessToken: issueAccessToken(secretKeyBase).columns,
  };
}

/** Creates the new user with the password they chose, and the membership. */
export async function acceptWithNewUser(
  tx: Tx,
  prepared: NewUserAcceptance,
): Promise<Outcome<{ userId: number }>> {
  const { invitation } = prepared;
  await lockAccount(tx.db, tx.dialect, invitation.account_id);
  const claimed = await tx.db
    .updateTable('invitations')
    .set({ status: 'accepted', responded_at: nowMs() })
    .where('id', '=', invitation.id)
    .where('status', '=', 'pending')
    .executeTakeFirst();
  if (Number(claimed.numUpdatedRows) === 0) throw gone();
  const now = nowMs();
  const user = await tx.db
    .insertInto('users')
    .values({
      name: prepared.name,
      display_name: null,
      email: invitation.email,
      password_hash: prepared.passwordHash,
      ...prepared.accessToken,
      avatar_url: null,
      ui_settings: '{}',
      created_at: now,
      updated_at: now,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await tx.db
    .insertInto('account_users')
    .values({
      account_id: invitation.account_id,
      user_id: user.id,
      role: invitation.role,
      auto_offline: 1,
      availability: 'offline',
      created_at: now,
    })
    .execute();
  return outcome({ userId: user.id }, [membershipChanged(invitation.account_id, user.id)]);
}
