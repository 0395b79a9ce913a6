import { randomUUID } from 'node:crypto';
import type {
  Conversation,
  ConversationPriority,
  ConversationStatus,
  JsonObject,
} from '@bevatel/protocol';
import { MESSAGE_TYPES } from '@bevatel/protocol';
import type { Kysely } from 'kysely';
import { displayName, type Caller } from '../../../core/caller';
import type { Outcome, Tx } from '../../../core/commands';
import { canSeeInbox } from '../../../core/visibility';
import type { Database } from '../../../db/schema';
import { HttpError, invalid } from '../../../lib/errors';
import { nowMs } from '../../../lib/time';
import type { ConversationChange } from '../../../presenters/conversation-change';
import { activityText, insertActivity } from '../activity';
import { checkCustomAttributes } from '../../custom-attributes';
import { answerChanged, attributesText, eligibleAssignee, teamOfAccount } from './shared';

export interface CreateConversationInput {
  inbox_id: number;
  contact_id: number;
  source_id?: string;
  message?: { content: string };
  status?: ConversationStatus;
  priority?: ConversationPriority | null;
  assignee_id?: number | null;
  team_id?: number | null;
  additional_attributes?: JsonObject;
  custom_attributes?: JsonObject;
}

const notFoundField = (what: string, field: string) =>
  new HttpError('not_found', `${what} not found`, field);

/** The contact's link to the inbox: the one named by source_id, or any existing, or a new one. */
async function contactInboxFor(
  trx: Kysely<Database>,
  inboxId: number,
  contactId: number,
  sourceId: string | undefined,
  now: number,
): Promise<number> {
  const existing = await trx
    .selectFrom('contact_inboxes')
    .select(['id', 'contact_id'])
    .where('inbox_id', '=', inboxId)
    .$if(sourceId !== undefined, (qb) => qb.where('source_id', '=', sourceId ?? ''))
    .$if(sourceId === undefined, (qb) => qb.where('contact_id', '=', contactId).orderBy('id'))
    .executeTakeFirst();
  if (existing) {
    if (existing.contact_id !== contactId) {
      throw invalid('source_id', 'source_id belongs to another contact of this inbox');
    }
    return existing.id;
  }
  const row = await trx
    .insertInto('contact_inboxes')
    .values({
      contact_id: contactId,
      inbox_id: inboxId,
      source_id: sourceId ?? randomUUID(),
      hmac_verified: 0,
      created_at: now,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/**
 * The account's next display id. The row lock of the UPDATE serializes concurrent creations:
 * display ids never repeat. Rows written by other means (imports, fixtures) are stepped over,
 * not collided with.
 */
export async function nextDisplayId(trx: Kysely<Database>, accountId: number): Promise<number> {
  const highest = await trx
    .selectFrom('conversations')
    .select((eb) => eb.fn.max('display_id').as('max'))
    .where('account_id', '=', accountId)
    .executeTakeFirst();
  const floor = Number(highest?.max ?? 0);
  const { last_display_id: displayId } = await trx
    .updateTable('accounts')
    .set((eb) => ({
      last_display_id: eb(
        eb
          .case()
          .when('last_display_id', '<', floor)
          .then(floor)
          .else(eb.ref('last_display_id'))
          .end(),
        '+',
        1,
      ),
    }))
    .where('id', '=', accountId)
    .returning('last_display_id')
    .executeTakeFirstOrThrow();
  return displayId;
}

/**
 * Opens a conversation: checks every reference first, then allocates the account's next
 * display id and writes the conversation, its first message and activity in one transaction.
 */
export async function createConversation(
  tx: Tx,
  caller: Caller,
  input: CreateConversationInput,
): Promise<Outcome<Conversation>> {
  const accountId = caller.account.id;
  const additional = attributesText(input.additional_attributes ?? {}, 'additional_attributes');
  const custom = attributesText(input.custom_attributes ?? {}, 'custom_attributes');
  const trx = tx.db;
  const inbox = await trx
    .selectFrom('inboxes')
    .select(['id'])
    .where('id', '=', input.inbox_id)
    .where('account_id', '=', accountId)
    .executeTakeFirst();
  if (!inbox || !canSeeInbox(caller, inbox.id)) {
    throw notFoundField('Inbox', 'inbox_id');
  }
  const contact = await trx
    .selectFrom('contacts')
    .select(['id'])
    .where('id', '=', input.contact_id)
    .where('account_id', '=', accountId)
    .executeTakeFirst();
  if (!contact) throw notFoundField('Contact', 'contact_id');
  const assignee =
    input.assignee_id != null
      ? await eligibleAssignee(trx, accountId, inbox.id, input.assignee_id)
      : null;
  const team = input.team_id != null ? await teamOfAccount(trx, accountId, input.team_id) : null;
  await checkCustomAttributes(trx, accountId, 'conversation_attribute', input.custom_attributes);

  const now = nowMs();
  const contactInboxId = await contactInboxFor(trx, inbox.id, contact.id, input.source_id, now);
  const displayId = await nextDisplayId(trx, accountId);
  const conversation = await trx
    .insertInto('conversations')
    .values({
      account_id: accountId,
      display_id: displayId,
      uuid: randomUUID(),
      inbox_id: inbox.id,
      contact_id: contact.id,
      contact_inbox_id: contactInboxId,
      assignee_id: assignee?.user.id ?? null,
      team_id: team?.id ?? null,
      status: input.status ?? 'open',
      priority: input.priority ?? null,
      snoozed_until: null,
      custom_attributes: custom,
      additional_attributes: additional,
      agent_last_seen_at: null,
      assignee_last_seen_at: null,
      contact_last_seen_at: null,
      last_activity_at: now,
      waiting_since: null,
      first_reply_created_at: null,
      muted: 0,
      created_at: now,
      updated_at: now,
    })
    .returningAll()
    .executeTakeFirstOrThrow();

  const changes: ConversationChange[] = [{ event: 'conversation.created' }];
  if (input.message) {
    const message = await trx
      .insertInto('messages')
      .values({
        account_id: accountId,
        inbox_id: inbox.id,
        conversation_id: conversation.id,
        content: input.message.content,
        message_type: MESSAGE_TYPES.outgoing,
        content_type: 'text',
        content_attributes: '{}',
        private: 0,
        status: 'sent',
        source_id: null,
        sender_type: 'User',
        sender_id: caller.user.id,
        created_at: now,
        updated_at: now,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    changes.push({ event: 'message.created', message });
  }
  const by = { name: displayName(caller.user) };
  if (assignee) {
    const text = activityText.assigned(
      displayName(assignee.user),
      by,
      assignee.user.id === caller.user.id,
    );
    changes.push(await insertActivity(trx, conversation, text, now));
  }
  if (team) {
    changes.push(
      await insertActivity(trx, conversation, activityText.teamAssigned(team.name, by), now),
    );
  }
  return answerChanged(tx, conversation, changes);
}
