/**
 * What a website visitor may do: become a visitor (a contact and its contact inbox), say who
 * they are (identity.ts), open conversations and write in them. Commands of the core
 * convention: they run in the caller's transaction and return their result and events.
 */
import { randomUUID } from 'node:crypto';
import type { JsonObject } from '@bevatel/protocol';
import { outcome, publishEvent, type CoreEvent, type Outcome, type Tx } from '../../core/commands';
import { nowMs } from '../../lib/time';
import { presentContact } from '../../presenters/contact';
import { presentChange } from '../../presenters/conversation-change';
import type { PresentedMessage } from '../../presenters/message';
import { attributesText, nextDisplayId } from '../conversations';
import { checkCustomAttributes } from '../custom-attributes';
import { appendMessage } from '../messages';
import { identify, type IdentityInput, type IdentityOutcome } from './identity';
import { newPubsubToken, newSourceId } from '../../lib/widget-tokens';
import { findVisitorConversation, loadVisitor, type Visitor, type WidgetInbox } from './visitor';

/** Agents hear of a merged-away contact and of conversations that changed contact. */
async function identityEvents(tx: Tx, accountId: number, identity: IdentityOutcome) {
  const events: CoreEvent[] = [];
  if (identity.deletedContactId !== null) {
    events.push(
      publishEvent(
        { accountId, inboxId: null },
        { event: 'contact.deleted', data: { id: identity.deletedContactId } },
      ),
    );
  }
  for (const row of identity.movedConversations) {
    const moved = await tx.db
      .selectFrom('conversations')
      .selectAll()
      .where('id', '=', row.id)
      .executeTakeFirstOrThrow();
    events.push(...(await presentChange(tx.db, moved, [{ event: 'conversation.updated' }])).events);
  }
  return events;
}

/** A new anonymous visitor, then identified when the request says who it is. */
export async function createVisitor(
  tx: Tx,
  target: WidgetInbox,
  input: IdentityInput,
  secretKeyBase: string,
): Promise<Outcome<Visitor>> {
  const now = nowMs();
  const contact = await tx.db
    .insertInto('contacts')
    .values({
      account_id: target.inbox.account_id,
      name: null,
      email: null,
      phone_number: null,
      identifier: null,
      thumbnail: null,
      additional_attributes: JSON.stringify({ source: 'web_widget' }),
      custom_attributes: '{}',
      last_activity_at: now,
      created_at: now,
      updated_at: now,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  const contactInbox = await tx.db
    .insertInto('contact_inboxes')
    .values({
      contact_id: contact.id,
      inbox_id: target.inbox.id,
      source_id: newSourceId(),
      pubsub_token: newPubsubToken(),
      hmac_verified: 0,
      created_at: now,
    })
    .returning(['id', 'contact_id', 'source_id', 'pubsub_token', 'hmac_verified'])
    .executeTakeFirstOrThrow();
  const visitor: Visitor = {
    ...target,
    contact,
    contactInbox: { ...contactInbox, pubsub_token: contactInbox.pubsub_token ?? '' },
  };
  const identity = await identify(tx.db, visitor, input, secretKeyBase);
  const after = await loadVisitor(tx.db, target.widget.inbox_identifier, contactInbox.source_id);
  const events = await identityEvents(tx, target.inbox.account_id, identity);
  // A new contact, unless identifying the visitor merged it into one that existed.
  if (after.contact.id === contact.id) {
    events.unshift(
      publishEvent(
        { accountId: target.inbox.account_id, inboxId: null },
        { event: 'contact.created', data: presentContact(after.contact) },
      ),
    );
  }
  return outcome(after, events);
}

export async function updateVisitor(
  tx: Tx,
  visitor: Visitor,
  input: IdentityInput,
  secretKeyBase: string,
): Promise<Outcome<Visitor>> {
  const identity = await identify(tx.db, visitor, input, secretKeyBase);
  const after = await loadVisitor(
    tx.db,
    visitor.widget.inbox_identifier,
    visitor.contactInbox.source_id,
  );
  return outcome(after, await identityEvents(tx, visitor.inbox.account_id, identity));
}

export interface VisitorConversationInput {
  /** The documented browser fields, referer and start time (from the visitor's browser). */
  additional_attributes: JsonObject;
  custom_attributes?: JsonObject;
  /** A first message (the pre-chat form's, or the one typed before the conversation). */
  message?: { content: string; echo_id?: string };
}

export async function createVisitorConversation(
  tx: Tx,
  visitor: Visitor,
  input: VisitorConversationInput,
): Promise<Outcome<number>> {
  const additional = attributesText(input.additional_attributes, 'additional_attributes');
  const custom = attributesText(input.custom_attributes ?? {}, 'custom_attributes');
  const accountId = visitor.inbox.account_id;
  await checkCustomAttributes(tx.db, accountId, 'conversation_attribute', input.custom_attributes);
  const now = nowMs();
  const displayId = await nextDisplayId(tx.db, accountId);
  const conversation = await tx.db
    .insertInto('conversations')
    .values({
      account_id: accountId,
      display_id: displayId,
      uuid: randomUUID(),
      inbox_id: visitor.inbox.id,
      contact_id: visitor.contact.id,
      contact_inbox_id: visitor.contactInbox.id,
      assignee_id: null,
      team_id: null,
      status: 'open',
      priority: null,
      snoozed_until: null,
      custom_attributes: custom,
      additional_attributes: additional,
      agent_last_seen_at: null,
      assignee_last_seen_at: null,
      contact_last_seen_at: now,
      last_activity_at: now,
      waiting_since: null,
      first_reply_created_at: null,
      muted: 0,
      created_at: now,
      updated_at: now,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  const created = await presentChange(tx.db, conversation, [{ event: 'conversation.created' }]);
  const events = [...created.events];
  if (input.message) {
    const written = await appendMessage(tx, conversation, {
      content: input.message.content,
      echo_id: input.message.echo_id,
      kind: 'incoming',
      sender: { sender_type: 'Contact', sender_id: visitor.contact.id },
      attributes: '{}',
    });
    events.push(...written.events);
  }
  return outcome(displayId, events);
}

export async function createVisitorMessage(
  tx: Tx,
  visitor: Visitor,
  displayId: number,
  input: { content: string; echo_id?: string },
): Promise<Outcome<PresentedMessage>> {
  const conversation = await findVisitorConversation(tx.db, visitor, displayId, tx.dialect);
  return appendMessage(tx, conversation, {
    content: input.content,
    echo_id: input.echo_id,
    kind: 'incoming',
    sender: { sender_type: 'Contact', sender_id: visitor.contact.id },
    attributes: '{}',
  });
}

export async function markVisitorSeen(
  tx: Tx,
  visitor: Visitor,
  displayId: number,
): Promise<Outcome<void>> {
  const conversation = await findVisitorConversation(tx.db, visitor, displayId, tx.dialect);
  const updated = await tx.db
    .updateTable('conversations')
    .set({ contact_last_seen_at: nowMs() })
    .where('id', '=', conversation.id)
    .returningAll()
    .executeTakeFirstOrThrow();
  const { events } = await presentChange(tx.db, updated, [{ event: 'conversation.updated' }]);
  return outcome(undefined, events);
}
