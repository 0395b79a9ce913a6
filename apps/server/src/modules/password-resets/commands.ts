/**
 * Password reset links: the one-time link mechanism of invitations (lib/one-time-links.ts)
 * applied to an existing user's password. Issued by an administrator for an agent of their
 * account, or asked for by the person through "Forgot password?" (sent by e-mail only).
 *
 * The cross-account rule: a person may belong to several accounts, and a password is theirs in
 * all of them. An administrator may issue a reset only for someone whose every membership is in
 * an account where that administrator is an administrator too; otherwise the administrator of
 * account B could take over a user of account A. Such people reset their own password.
 */
import type { Kysely } from 'kysely';
import type { Caller } from '../../core/caller';
import { credentialsChanged, outcome, type Outcome, type Tx } from '../../core/commands';
import type { Database, PasswordResetRow, UserRow } from '../../db/schema';
import { issueAccessToken } from '../../lib/access-tokens';
import { forbidden, invalid, notFound } from '../../lib/errors';
import { isOpen, linkGone, newLinkToken } from '../../lib/one-time-links';
import { hashPassword } from '../../lib/passwords';
import { nowMs } from '../../lib/time';
import { assertPasswordPolicy, revokePendingResets } from '../auth';
import { accountsBeyondAdmin, resetByToken, type ResetWithUser } from './queries';

/** The default lifetime (PASSWORD_RESET_TTL_MINUTES overrides it). */
export const PASSWORD_RESET_TTL_MS = 60 * 60 * 1000;

interface NewReset {
  userId: number;
  issuedBy: number | null;
  accountId: number | null;
}

/** Records a reset link; an earlier unused one of the same person stops working. */
async function recordReset(
  tx: Tx,
  input: NewReset,
  ttlMs: number,
): Promise<{ reset: PasswordResetRow; token: string }> {
  const now = nowMs();
  await revokePendingResets(tx.db, input.userId);
  const { token, digest } = newLinkToken();
  const reset = await tx.db
    .insertInto('password_resets')
    .values({
      user_id: input.userId,
      token_digest: digest,
      issued_by: input.issuedBy,
      account_id: input.accountId,
      status: 'pending',
      expires_at: now + ttlMs,
      created_at: now,
      used_at: null,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  return { reset, token };
}

/**
 * An administrator's reset link for `userId`, an agent of the caller's account (404 otherwise,
 * as for any record of another account); refused (403) when the person also belongs to an
 * account the caller does not administer.
 */
export async function issueResetForAgent(
  tx: Tx,
  caller: Caller,
  userId: number,
  ttlMs: number = PASSWORD_RESET_TTL_MS,
): Promise<Outcome<{ reset: PasswordResetRow; token: string; user: UserRow }>> {
  const user = await tx.db
    .selectFrom('users')
    .innerJoin('account_users', 'account_users.user_id', 'users.id')
    .selectAll('users')
    .where('account_users.account_id', '=', caller.accountId)
    .where('users.id', '=', userId)
    .executeTakeFirst();
  if (!user) throw notFound('Agent');
  const beyond = await accountsBeyondAdmin(tx.db, userId, caller.user.id);
  if (beyond.length > 0) {
    throw forbidden(
      'This person also belongs to an account you do not administer: they reset their password themselves (Forgot password? on the sign-in page), or an administrator of every account they belong to does',
    );
  }
  const issued = await recordReset(
    tx,
    { userId, issuedBy: caller.user.id, accountId: caller.accountId },
    ttlMs,
  );
  return outcome({ ...issued, user });
}

/** A self-service reset link for the user with this (normalised) e-mail, if there is one. */
export async function issueResetForEmail(
  tx: Tx,
  email: string,
  ttlMs: number = PASSWORD_RESET_TTL_MS,
): Promise<Outcome<{ reset: PasswordResetRow; token: string } | null>> {
  const user = await tx.db
    .selectFrom('users')
    .select('id')
    .where('email', '=', email)
    .executeTakeFirst();
  if (!user) return outcome(null);
  return outcome(
    await recordReset(tx, { userId: user.id, issuedBy: null, accountId: null }, ttlMs),
  );
}

const gone = () => linkGone('This reset link has expired or was already used; ask for a new one');

/** The reset link, if it can still be used now. */
export async function openReset(db: Kysely<Database>, token: string): Promise<ResetWithUser> {
  const reset = await resetByToken(db, token);
  if (!reset) throw notFound('Reset link');
  if (!isOpen(reset, nowMs())) throw gone();
  return reset;
}

/** The new password, checked and hashed before any transaction (hashing is slow on purpose). */
export interface PreparedReset {
  reset: ResetWithUser;
  passwordHash: string;
  accessToken: ReturnType<typeof issueAccessToken>['columns'];
}

export async function prepareReset(
  db: Kysely<Database>,
  secretKeyBase: string,
  token: string,
  input: { password: string; password_confirmation?: string },
): Promise<PreparedReset> {
  const reset = await openReset(db, token);
  if (input.password_confirmation !== undefined && input.password_confirmation !== input.password) {
    throw invalid('password_confirmation', 'password_confirmation does not match password');
  }
  assertPasswordPolicy(input.password, [reset.email, reset.name]);
  return {
    reset,
    passwordHash: await hashPassword(input.password),
    accessToken: issueAccessToken(secretKeyBase).columns,
  };
}

/**
 * Uses the link once: the new password, a new personal access token (the old one answers 401),
 * every session ended and their sockets closed, as a password change does for the others — a
 * reset is often asked for because someone else may know the password.
 */
export async function completeReset(
  tx: Tx,
  prepared: PreparedReset,
): Promise<Outcome<{ userId: number }>> {
  const { reset } = prepared;
  const now = nowMs();
  const claimed = await tx.db
    .updateTable('password_resets')
    .set({ status: 'used', used_at: now })
    .where('id', '=', reset.id)
    .where('status', '=', 'pending')
    .where('expires_at', '>', now)
    .executeTakeFirst();
  if (Number(claimed.numUpdatedRows) === 0) throw gone();
  await tx.db
    .updateTable('users')
    .set({ password_hash: prepared.passwordHash, ...prepared.accessToken, updated_at: now })
    .where('id', '=', reset.user_id)
    .execute();
  await tx.db.deleteFrom('sessions').where('user_id', '=', reset.user_id).execute();
  return outcome({ userId: reset.user_id }, [credentialsChanged(reset.user_id)]);
}
