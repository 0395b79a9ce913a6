/**
 * Identity verification (Chatwoot's `identifier_hash`). A site that knows who its visitor is
 * sends the identifier with its HMAC-SHA256 under the inbox's secret:
 * - valid: the visitor becomes that contact (its conversations move over, an anonymous contact
 *   left empty is removed) and the contact inbox is marked `hmac_verified`;
 * - invalid: refused with 401 and logged; the visitor stays as it was;
 * - absent: the identifier is not stored and no existing contact is touched, so claiming a
 *   customer's identifier (or e-mail) never reaches that customer's history. Inboxes with
 *   `hmac_mandatory` refuse it.
 */
import type { JsonObject } from '@bevatel/protocol';
import type { Kysely } from 'kysely';
import type { ConversationRow, Database } from '../../db/schema';
import { HttpError, invalid } from '../../lib/errors';
import { parseJsonObject } from '../../lib/json';
import { nowMs } from '../../lib/time';
import { isValidIdentifierHash, unsealHmacToken } from '../../lib/widget-tokens';
import { checkCustomAttributes } from '../custom-attributes';
import type { Visitor } from './visitor';

export interface IdentityInput {
  identifier?: string;
  identifier_hash?: string;
  name?: string;
  email?: string;
  phone_number?: string;
  /** Merged over the contact's; its size is checked here. */
  custom_attributes?: Record<string, unknown>;
}

export interface IdentityOutcome {
  contactId: number;
  verified: boolean;
  /** An anonymous contact that was merged into the verified one and deleted. */
  deletedContactId: number | null;
  /** Conversations that moved to another contact (their events must go out). */
  movedConversations: ConversationRow[];
}

/** Why an identify was refused, for the log (never the hash itself). */
export class RefusedIdentity extends HttpError {
  constructor(
    message: string,
    readonly refusal: 'invalid_hash' | 'hash_required' | 'verified_as_other',
  ) {
    super(
      refusal === 'verified_as_other' ? 'conflict' : 'unauthorized',
      message,
      'identifier_hash',
    );
  }
}

const EMAIL = /^[^\s@]+@[^\s@]+$/;

/** Moves the visitor's contact inbox and conversations onto `targetId`. */
async function mergeInto(trx: Kysely<Database>, visitor: Visitor, targetId: number) {
  const oldId = visitor.contact.id;
  const conversations = await trx
    .selectFrom('conversations')
    .selectAll()
    .where('contact_inbox_id', '=', visitor.contactInbox.id)
    .execute();
  const ids = conversations.map((c) => c.id);
  if (ids.length > 0) {
    await trx
      .updateTable('messages')
      .set({ sender_id: targetId })
      .where('conversation_id', 'in', ids)
      .where('sender_type', '=', 'Contact')
      .where('sender_id', '=', oldId)
      .execute();
    await trx
      .updateTable('conversations')
      .set({ contact_id: targetId, updated_at: nowMs() })
      .where('id', 'in', ids)
      .execute();
  }
  await trx
    .updateTable('contact_inboxes')
    .set({ contact_id: targetId })
    .where('id', '=', visitor.contactInbox.id)
    .execute();
  const [links, left] = await Promise.all([
    trx
      .selectFrom('contact_inboxes')
      .select('id')
      .where('contact_id', '=', oldId)
      .executeTakeFirst(),
    trx.selectFrom('conversations').select('id').where('contact_id', '=', oldId).executeTakeFirst(),
  ]);
  const empty = !links && !left;
  if (empty) await trx.deleteFrom('contacts').where('id', '=', oldId).execute();
  return { conversations, deletedContactId: empty ? oldId : null };
}

export async function identify(
  trx: Kysely<Database>,
  visitor: Visitor,
  input: IdentityInput,
  secretKeyBase: string,
): Promise<IdentityOutcome> {
  const { widget, contactInbox } = visitor;
  if (input.email !== undefined && input.email !== '' && !EMAIL.test(input.email)) {
    throw invalid('email', 'email must be an e-mail address');
  }
  if (input.identifier_hash !== undefined && input.identifier === undefined) {
    throw invalid('identifier', 'identifier_hash needs the identifier it signs');
  }
  let contactId = visitor.contact.id;
  let verified = contactInbox.hmac_verified === 1;
  let deletedContactId: number | null = null;
  let movedConversations: IdentityOutcome['movedConversations'] = [];

  if (input.identifier !== undefined) {
    const secret = unsealHmacToken(widget.hmac_token_sealed, widget.inbox_id, secretKeyBase);
    const hashGiven = input.identifier_hash !== undefined;
    const hashValid =
      hashGiven &&
      secret !== null &&
      isValidIdentifierHash(input.identifier, input.identifier_hash ?? '', secret);
    if (hashGiven && !hashValid) {
      throw new RefusedIdentity('identifier_hash does not match the identifier', 'invalid_hash');
    }
    if (!hashValid && widget.hmac_mandatory === 1) {
      throw new RefusedIdentity(
        'This website verifies identities: identifier_hash is required',
        'hash_required',
      );
    }
    if (hashValid) {
      if (verified && visitor.contact.identifier !== input.identifier) {
        throw new RefusedIdentity(
          'This visitor is verified as someone else: reset the widget first',
          'verified_as_other',
        );
      }
      const existing = await trx
        .selectFrom('contacts')
        .select('id')
        .where('account_id', '=', visitor.inbox.account_id)
        .where('identifier', '=', input.identifier)
        .where('id', '!=', visitor.contact.id)
        .orderBy('id')
        .executeTakeFirst();
      if (existing) {
        const merged = await mergeInto(trx, visitor, existing.id);
        contactId = existing.id;
        deletedContactId = merged.deletedContactId;
        movedConversations = merged.conversations;
      } else {
        await trx
          .updateTable('contacts')
          .set({ identifier: input.identifier, updated_at: nowMs() })
          .where('id', '=', contactId)
          .execute();
      }
      await trx
        .updateTable('contact_inboxes')
        .set({ hmac_verified: 1 })
        .where('id', '=', contactInbox.id)
        .execute();
      verified = true;
    }
  }

  const changes: Record<string, string | number | null> = {};
  if (input.name !== undefined) changes.name = input.name.trim() || null;
  if (input.email !== undefined) changes.email = input.email.trim().toLowerCase() || null;
  if (input.phone_number !== undefined) changes.phone_number = input.phone_number.trim() || null;
  if (input.custom_attributes !== undefined) {
    await checkCustomAttributes(
      trx,
      visitor.inbox.account_id,
      'contact_attribute',
      input.custom_attributes as JsonObject,
    );
    const current = await trx
      .selectFrom('contacts')
      .select('custom_attributes')
      .where('id', '=', contactId)
      .executeTakeFirstOrThrow();
    const merged = { ...parseJsonObject(current.custom_attributes), ...input.custom_attributes };
    const text = JSON.stringify(merged);
    if (Buffer.byteLength(text) > 16 * 1024) {
      throw invalid('custom_attributes', 'custom_attributes must be at most 16384 bytes of JSON');
    }
    changes.custom_attributes = text;
  }
  if (Object.keys(changes).length > 0) {
    await trx
      .updateTable('contacts')
      .set({ ...changes, updated_at: nowMs() })
      .where('id', '=', contactId)
      .execute();
  }
  return { contactId, verified, deletedContactId, movedConversations };
}
