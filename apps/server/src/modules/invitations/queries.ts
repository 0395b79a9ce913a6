import type { Kysely } from 'kysely';
import type { Database, InvitationRow } from '../../db/schema';
import { linkDigest } from '../../lib/one-time-links';

export type InvitationStatus = 'pending' | 'accepted' | 'declined' | 'revoked';

/** An invitation with the name of its account, as the invitee sees it. */
export type InvitationWithAccount = InvitationRow & { account_name: string };

function withAccount(db: Kysely<Database>) {
  return db
    .selectFrom('invitations')
    .innerJoin('accounts', 'accounts.id', 'invitations.account_id')
    .selectAll('invitations')
    .select('accounts.name as account_name');
}

/** The account's invitations still waiting for an answer (expired ones included, marked). */
export function pendingOfAccount(db: Kysely<Database>, accountId: number) {
  return db
    .selectFrom('invitations')
    .selectAll()
    .where('account_id', '=', accountId)
    .where('status', '=', 'pending')
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .execute();
}

/** Unexpired invitations addressed to this e-mail, for the signed-in person's banner. */
export function pendingForEmail(
  db: Kysely<Database>,
  email: string,
  now: number,
): Promise<InvitationWithAccount[]> {
  return withAccount(db)
    .where('invitations.email', '=', email)
    .where('invitations.status', '=', 'pending')
    .where('invitations.expires_at', '>', now)
    .orderBy('invitations.created_at')
    .execute();
}

export function invitationByToken(
  db: Kysely<Database>,
  token: string,
): Promise<InvitationWithAccount | undefined> {
  return withAccount(db)
    .where('invitations.token_digest', '=', linkDigest(token))
    .executeTakeFirst();
}

export function invitationById(
  db: Kysely<Database>,
  id: number,
): Promise<InvitationWithAccount | undefined> {
  return withAccount(db).where('invitations.id', '=', id).executeTakeFirst();
}
