import type { ChannelType } from '@bevatel/protocol';
import type { Caller } from '../../core/caller';
import { membershipChanged, outcome, type Outcome, type Tx } from '../../core/commands';
import type { InboxRow } from '../../db/schema';
import { notFound } from '../../lib/errors';
import { nowMs } from '../../lib/time';
import { assertAccountMembers } from '../agents';
import {
  createWidgetChannel,
  updateWidgetChannel,
  widgetColumns,
  type WidgetOptionsBody,
  widgetOptionsOf,
} from '../web-widget';

export interface NewInbox {
  name: string;
  channelType: ChannelType;
  greeting_message?: string | null;
  /** The request body, for the website options it may carry. */
  options?: WidgetOptionsBody;
  /** Seals a website inbox's identity-verification secret. */
  secretKeyBase: string;
}

export async function createInbox(
  tx: Tx,
  caller: Caller,
  input: NewInbox,
): Promise<Outcome<InboxRow>> {
  const isWidget = input.channelType === 'Channel::WebWidget';
  const options = widgetOptionsOf(input.options ?? {}, isWidget);
  const columns = options ? widgetColumns(options.channel, options.inbox, null) : {};
  const row = await tx.db
    .insertInto('inboxes')
    .values({
      account_id: caller.account.id,
      name: input.name.trim(),
      channel_type: input.channelType,
      greeting_message: input.greeting_message ?? null,
      created_at: nowMs(),
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  if (isWidget) await createWidgetChannel(tx.db, row, columns, input.secretKeyBase);
  return outcome(row);
}

export interface InboxChanges {
  name?: string;
  greeting_message?: string | null;
  /** The request body, for the website options it may carry. */
  options?: WidgetOptionsBody;
}

export async function updateInbox(
  tx: Tx,
  caller: Caller,
  inboxId: number,
  changes: InboxChanges,
): Promise<Outcome<InboxRow>> {
  const set = {
    ...(changes.name !== undefined ? { name: changes.name.trim() } : {}),
    ...(changes.greeting_message !== undefined
      ? { greeting_message: changes.greeting_message }
      : {}),
  };
  const row =
    Object.keys(set).length === 0
      ? await tx.db
          .selectFrom('inboxes')
          .selectAll()
          .where('account_id', '=', caller.account.id)
          .where('id', '=', inboxId)
          .executeTakeFirst()
      : await tx.db
          .updateTable('inboxes')
          .set(set)
          .where('account_id', '=', caller.account.id)
          .where('id', '=', inboxId)
          .returningAll()
          .executeTakeFirst();
  if (!row) throw notFound('Inbox');
  const options = widgetOptionsOf(changes.options ?? {}, row.channel_type === 'Channel::WebWidget');
  if (options) {
    const stored = await tx.db
      .selectFrom('web_widgets')
      .select('translations')
      .where('inbox_id', '=', row.id)
      .executeTakeFirstOrThrow();
    await updateWidgetChannel(tx.db, row.id, widgetColumns(options.channel, options.inbox, stored));
  }
  return outcome(row);
}

/** Deletes the inbox; its conversations, messages and contact_inboxes go with it (cascade). */
export async function deleteInbox(tx: Tx, caller: Caller, inboxId: number): Promise<Outcome<void>> {
  const result = await tx.db
    .deleteFrom('inboxes')
    .where('account_id', '=', caller.account.id)
    .where('id', '=', inboxId)
    .executeTakeFirst();
  if (Number(result.numDeletedRows) === 0) throw notFound('Inbox');
  // Open sockets re-read who may see which inbox now, not at their next refresh.
  return outcome(undefined, [membershipChanged(caller.account.id)]);
}

async function assertInbox(tx: Tx, accountId: number, inboxId: number): Promise<void> {
  const inbox = await tx.db
    .selectFrom('inboxes')
    .select('id')
    .where('account_id', '=', accountId)
    .where('id', '=', inboxId)
    .executeTakeFirst();
  if (!inbox) throw notFound('Inbox');
}

/** Makes `userIds` the inbox's whole member list (Chatwoot's POST and PATCH inbox_members). */
export async function replaceInboxMembers(
  tx: Tx,
  caller: Caller,
  inboxId: number,
  userIds: readonly number[],
): Promise<Outcome<void>> {
  const accountId = caller.account.id;
  await assertInbox(tx, accountId, inboxId);
  await assertAccountMembers(tx.db, accountId, userIds);
  await tx.db.deleteFrom('inbox_members').where('inbox_id', '=', inboxId).execute();
  if (userIds.length > 0) {
    await tx.db
      .insertInto('inbox_members')
      .values(userIds.map((user_id) => ({ inbox_id: inboxId, user_id })))
      .execute();
  }
  return outcome(undefined, [membershipChanged(accountId)]);
}

export async function removeInboxMembers(
  tx: Tx,
  caller: Caller,
  inboxId: number,
  userIds: readonly number[],
): Promise<Outcome<void>> {
  const accountId = caller.account.id;
  await assertInbox(tx, accountId, inboxId);
  await assertAccountMembers(tx.db, accountId, userIds);
  if (userIds.length > 0) {
    await tx.db
      .deleteFrom('inbox_members')
      .where('inbox_id', '=', inboxId)
      .where('user_id', 'in', [...userIds])
      .execute();
  }
  return outcome(undefined, [membershipChanged(accountId)]);
}
