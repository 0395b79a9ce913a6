import type { ChannelType } from '@bevatel/protocol';
import type { FastifyInstance } from 'fastify';
import type { InboxRow } from '../../db/schema';
import { notFound } from '../../lib/errors';
import { nowMs } from '../../lib/time';
import { assertAccountMembers } from '../agents/queries';

type App = Pick<FastifyInstance, 'db' | 'dialect' | 'realtime'>;

export interface NewInbox {
  name: string;
  channelType: ChannelType;
  greeting_message?: string | null;
}

export async function createInbox(app: App, accountId: number, input: NewInbox): Promise<InboxRow> {
  return app.db.transaction().execute((trx) =>
    trx
      .insertInto('inboxes')
      .values({
        account_id: accountId,
        name: input.name.trim(),
        channel_type: input.channelType,
        greeting_message: input.greeting_message ?? null,
        created_at: nowMs(),
      })
      .returningAll()
      .executeTakeFirstOrThrow(),
  );
}

export interface InboxChanges {
  name?: string;
  greeting_message?: string | null;
}

export async function updateInbox(
  app: App,
  accountId: number,
  inboxId: number,
  changes: InboxChanges,
): Promise<InboxRow> {
  return app.db.transaction().execute(async (trx) => {
    const set = {
      ...(changes.name !== undefined ? { name: changes.name.trim() } : {}),
      ...(changes.greeting_message !== undefined
        ? { greeting_message: changes.greeting_message }
        : {}),
    };
    const row =
      Object.keys(set).length === 0
        ? await trx
            .selectFrom('inboxes')
            .selectAll()
            .where('account_id', '=', accountId)
            .where('id', '=', inboxId)
            .executeTakeFirst()
        : await trx
            .updateTable('inboxes')
            .set(set)
            .where('account_id', '=', accountId)
            .where('id', '=', inboxId)
            .returningAll()
            .executeTakeFirst();
    if (!row) throw notFound('Inbox');
    return row;
  });
}

/** Deletes the inbox; its conversations, messages and contact_inboxes go with it (cascade). */
export async function deleteInbox(app: App, accountId: number, inboxId: number): Promise<void> {
  await app.db.transaction().execute(async (trx) => {
    const result = await trx
      .deleteFrom('inboxes')
      .where('account_id', '=', accountId)
      .where('id', '=', inboxId)
      .executeTakeFirst();
    if (Number(result.numDeletedRows) === 0) throw notFound('Inbox');
  });
  // Open sockets re-read who may see which inbox now, not at their next refresh.
  await app.realtime.membershipChanged(accountId);
}

async function assertInbox(
  app: Pick<App, 'db'>,
  accountId: number,
  inboxId: number,
): Promise<void> {
  const inbox = await app.db
    .selectFrom('inboxes')
    .select('id')
    .where('account_id', '=', accountId)
    .where('id', '=', inboxId)
    .executeTakeFirst();
  if (!inbox) throw notFound('Inbox');
}

/** Makes `userIds` the inbox's whole member list (Chatwoot's POST and PATCH inbox_members). */
export async function replaceInboxMembers(
  app: App,
  accountId: number,
  inboxId: number,
  userIds: readonly number[],
): Promise<void> {
  await app.db.transaction().execute(async (trx) => {
    await assertInbox({ db: trx }, accountId, inboxId);
    await assertAccountMembers(trx, accountId, userIds);
    await trx.deleteFrom('inbox_members').where('inbox_id', '=', inboxId).execute();
    if (userIds.length > 0) {
      await trx
        .insertInto('inbox_members')
        .values(userIds.map((user_id) => ({ inbox_id: inboxId, user_id })))
        .execute();
    }
  });
  await app.realtime.membershipChanged(accountId);
}

export async function removeInboxMembers(
  app: App,
  accountId: number,
  inboxId: number,
  userIds: readonly number[],
): Promise<void> {
  await app.db.transaction().execute(async (trx) => {
    await assertInbox({ db: trx }, accountId, inboxId);
    await assertAccountMembers(trx, accountId, userIds);
    if (userIds.length === 0) return;
    await trx
      .deleteFrom('inbox_members')
      .where('inbox_id', '=', inboxId)
      .where('user_id', 'in', [...userIds])
      .execute();
  });
  await app.realtime.membershipChanged(accountId);
}
