/**
 * The caller: who asks, in which account, with which role, seeing which inboxes. Built once per
 * request by the account scope's hook (plugins/auth.ts) and handed to every query and command.
 */
import type { UserRole } from '@bevatel/protocol';
import { sql, type Kysely } from 'kysely';
import type { AccountRow, Database, UserRow } from '../db/schema';
import { forbidden, notFound } from '../lib/errors';
import { inboxScopeOf, memberInboxes, type InboxScope, type Viewer } from './visibility';

/** A dashboard app on whose behalf the agent's session acts (level 2), after its checks. */
export interface CallerApp {
  id: number;
  title: string;
}

export interface Caller extends Viewer {
  user: UserRow;
  account: AccountRow;
  /** Same as account.id: lets a caller stand wherever the visibility rule takes a viewer. */
  accountId: number;
  role: UserRole;
  inboxes: InboxScope;
  /** Authenticated with the `api_access_token` header (a script), not a browser session. */
  viaToken: boolean;
  /** The dashboard app the request is made for (set by dashboard-apps/acting-app.ts). */
  app: CallerApp | null;
}

export const isAdmin = (caller: Pick<Caller, 'role'>): boolean => caller.role === 'administrator';

export function assertAdmin(caller: Caller): Caller {
  if (!isAdmin(caller)) throw forbidden('Only administrators can do this');
  return caller;
}

export const displayName = (user: Pick<UserRow, 'name' | 'display_name'>): string =>
  user.display_name || user.name;

/**
 * The caller for `user` in `accountId`: the membership with its account, and for agents their
 * inboxes of that account. Strangers are "not found", never "forbidden".
 */
export async function loadCaller(
  db: Kysely<Database>,
  user: UserRow,
  accountId: number,
  viaToken: boolean,
): Promise<Caller> {
  const row = await db
    .selectFrom('account_users')
    .innerJoin('accounts', 'accounts.id', 'account_users.account_id')
    .selectAll('accounts')
    .select('account_users.role')
    .where('account_users.account_id', '=', accountId)
    .where('account_users.user_id', '=', user.id)
    .executeTakeFirst();
  if (!row) throw notFound('Account');
  const { role: stored, ...account } = row;
  const role = stored as UserRole;
  const inboxIds =
    role === 'administrator'
      ? []
      : ((await memberInboxes(db, accountId, [user.id])).get(user.id) ?? []);
  return {
    user,
    account,
    accountId: account.id,
    role,
    inboxes: inboxScopeOf(role, inboxIds),
    viaToken,
    app: null,
  };
}

/** Where no account is asked for: matches no membership (ids start at 1). */
const NO_ACCOUNT = 0;

/**
 * The user with their membership of `accountId` (role, account, member inboxes) in one query,
 * for the caller of the request: authentication adds how the user is found (access token
 * digest, or the session joined). Read fresh on every request, so a changed role, membership
 * or token holds from the next request on, in every process (nothing is cached).
 */
export function userWithMembership(db: Kysely<Database>, accountId: number | null) {
  const id = accountId ?? NO_ACCOUNT;
  return db
    .selectFrom('users')
    .leftJoin('account_users', (join) =>
      join.onRef('account_users.user_id', '=', 'users.id').on('account_users.account_id', '=', id),
    )
    .leftJoin('accounts', 'accounts.id', 'account_users.account_id')
    .selectAll('users')
    .select([
      'account_users.role as member_role',
      'accounts.id as account_id_',
      'accounts.name as account_name_',
      'accounts.locale as account_locale_',
      'accounts.last_display_id as account_last_display_id_',
      'accounts.contacts_by_inbox as account_contacts_by_inbox_',
      'accounts.created_at as account_created_at_',
    ])
    .select((eb) =>
      eb
        .selectFrom('inbox_members')
        .innerJoin('inboxes', 'inboxes.id', 'inbox_members.inbox_id')
        // string_agg: PostgreSQL, and SQLite since 3.44.
        .select(sql<string | null>`string_agg(cast(inbox_members.inbox_id as text), ',')`.as('ids'))
        .whereRef('inbox_members.user_id', '=', 'users.id')
        .where('inboxes.account_id', '=', id)
        .as('member_inbox_ids_'),
    );
}

type MembershipRow = NonNullable<
  Awaited<ReturnType<ReturnType<typeof userWithMembership>['executeTakeFirst']>>
>;

/** A signed-in user and, when the request names an account, their membership of it. */
export interface SignedIn {
  user: UserRow;
  /** Null: not a member of the account asked for (or none asked for). */
  membership: { account: AccountRow; role: UserRole; inboxIds: number[] } | null;
}

/** Splits a `userWithMembership` row (with any further columns left off by the caller). */
export function signedInOf(row: MembershipRow): SignedIn {
  const {
    member_role,
    account_id_,
    account_name_,
    account_locale_,
    account_last_display_id_,
    account_contacts_by_inbox_,
    account_created_at_,
    member_inbox_ids_,
    ...user
  } = row;
  if (member_role === null || account_id_ === null) return { user, membership: null };
  return {
    user,
    membership: {
      role: member_role as UserRole,
      account: {
        id: account_id_,
        name: account_name_!,
        locale: account_locale_!,
        last_display_id: account_last_display_id_!,
        contacts_by_inbox: account_contacts_by_inbox_!,
        created_at: account_created_at_!,
      },
      inboxIds: member_inbox_ids_ ? member_inbox_ids_.split(',').map(Number) : [],
    },
  };
}

/** The caller from a membership read with the user; strangers are "not found". */
export function callerOf(
  user: UserRow,
  membership: SignedIn['membership'],
  viaToken: boolean,
): Caller {
  if (!membership) throw notFound('Account');
  const { account, role, inboxIds } = membership;
  return {
    user,
    account,
    accountId: account.id,
    role,
    inboxes: inboxScopeOf(role, inboxIds),
    viaToken,
    app: null,
  };
}
