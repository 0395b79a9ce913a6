import { randomUUID } from 'node:crypto';
import type { JsonObject } from '@bevatel/protocol';
import type { Transaction } from 'kysely';
import type { Caller } from '../../core/caller';
import { outcome, publishEvent, type CoreEvent, type Outcome, type Tx } from '../../core/commands';
import type { ContactRow, Database, InboxRow } from '../../db/schema';
import { isUniqueViolation, lockAccount } from '../../lib/db-errors';
import { invalid, notFound } from '../../lib/errors';
import { nowMs } from '../../lib/time';
import { presentContact } from '../../presenters/contact';
import { checkCustomAttributes } from '../custom-attributes';
import { findInbox } from '../inboxes';
import {
  mergeAttributes,
  normalizeEmail,
  normalizePhone,
  normalizeText,
  serializeAttributes,
} from './policy';
import { findContact, findContactBy } from './queries';

export interface ContactInput {
  name?: string | null;
  email?: string | null;
  phone_number?: string | null;
  identifier?: string | null;
  additional_attributes?: JsonObject;
  custom_attributes?: JsonObject;
}

export interface NewContactInput extends ContactInput {
  inbox_id?: number;
  source_id?: string;
}

export interface CreatedContact {
  contact: ContactRow;
  contactInbox: { source_id: string; hmac_verified: number; inbox: InboxRow } | null;
}

/** Validated, normalized column values of the input (undefined: not given). */
function columnsOf(input: ContactInput) {
  return {
    name: normalizeText(input.name),
    email: normalizeEmail(input.email),
    phone_number: normalizePhone(input.phone_number),
    identifier: normalizeText(input.identifier),
  };
}

/** Email and identifier each name at most one contact per account. */
async function assertUnique(
  trx: Transaction<Database>,
  accountId: number,
  values: { email?: string | null; identifier?: string | null },
  exceptId?: number,
): Promise<void> {
  if (values.email && (await findContactBy(trx, accountId, 'email', values.email, exceptId))) {
    throw invalid('email', 'Another contact of this account has this email');
  }
  if (
    values.identifier &&
    (await findContactBy(trx, accountId, 'identifier', values.identifier, exceptId))
  ) {
    throw invalid('identifier', 'Another contact of this account has this identifier');
  }
}

/** Every member sees contacts: the event goes to the whole account. */
export const contactUpdated = (contact: ContactRow): CoreEvent =>
  publishEvent(
    { accountId: contact.account_id, inboxId: null },
    { event: 'contact.updated', data: presentContact(contact) },
  );

const contactCreated = (contact: ContactRow): CoreEvent =>
  publishEvent(
    { accountId: contact.account_id, inboxId: null },
    { event: 'contact.created', data: presentContact(contact) },
  );

/**
 * Creates a contact and, with `inbox_id`, its contact_inbox there (random source id unless
 * one is given). Nothing is written unless everything is valid.
 */
export async function createContact(
  tx: Tx,
  caller: Caller,
  input: NewContactInput,
): Promise<Outcome<CreatedContact>> {
  const accountId = caller.account.id;
  const columns = columnsOf(input);
  const additional = serializeAttributes(
    mergeAttributes('{}', input.additional_attributes),
    'additional_attributes',
  );
  const custom = serializeAttributes(input.custom_attributes ?? {}, 'custom_attributes');
  const trx = tx.db;
  try {
    await lockAccount(trx, tx.dialect, accountId);
    await assertUnique(trx, accountId, columns);
    await checkCustomAttributes(trx, accountId, 'contact_attribute', input.custom_attributes);
    let inbox: InboxRow | undefined;
    if (input.inbox_id !== undefined) {
      inbox = await findInbox(trx, caller, input.inbox_id);
      if (!inbox) throw invalid('inbox_id', 'No such inbox in this account');
    }
    const now = nowMs();
    const contact = await trx
      .insertInto('contacts')
      .values({
        account_id: accountId,
        name: columns.name ?? null,
        email: columns.email ?? null,
        phone_number: columns.phone_number ?? null,
        identifier: columns.identifier ?? null,
        thumbnail: null,
        additional_attributes: additional,
        custom_attributes: custom,
        last_activity_at: null,
        created_at: now,
        updated_at: now,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    if (!inbox) return outcome({ contact, contactInbox: null }, [contactCreated(contact)]);
    const contactInbox = await trx
      .insertInto('contact_inboxes')
      .values({
        contact_id: contact.id,
        inbox_id: inbox.id,
        source_id: input.source_id?.trim() || randomUUID(),
        hmac_verified: 0,
        created_at: now,
      })
      .returning(['source_id', 'hmac_verified'])
      .executeTakeFirstOrThrow();
    return outcome({ contact, contactInbox: { ...contactInbox, inbox } }, [
      contactCreated(contact),
    ]);
  } catch (error) {
    // The only unique constraint a contact insert can meet: (inbox_id, source_id).
    if (isUniqueViolation(error)) {
      throw invalid('source_id', 'This inbox already has a contact with this source_id');
    }
    throw error;
  }
}

/** Updates the given fields; attributes merge into what is stored. Publishes after commit. */
export async function updateContact(
  tx: Tx,
  caller: Caller,
  contactId: number,
  input: ContactInput,
): Promise<Outcome<ContactRow>> {
  const accountId = caller.account.id;
  const columns = columnsOf(input);
  const trx = tx.db;
  await lockAccount(trx, tx.dialect, accountId);
  const current = await findContact(trx, accountId, contactId);
  if (!current) throw notFound('Contact');
  await assertUnique(trx, accountId, columns, contactId);
  await checkCustomAttributes(trx, accountId, 'contact_attribute', input.custom_attributes);
  const set: Partial<ContactRow> = { updated_at: nowMs() };
  for (const key of ['name', 'email', 'phone_number', 'identifier'] as const) {
    if (columns[key] !== undefined) set[key] = columns[key];
  }
  if (input.additional_attributes) {
    set.additional_attributes = serializeAttributes(
      mergeAttributes(current.additional_attributes, input.additional_attributes),
      'additional_attributes',
    );
  }
  if (input.custom_attributes) {
    set.custom_attributes = serializeAttributes(
      mergeAttributes(current.custom_attributes, input.custom_attributes),
      'custom_attributes',
    );
  }
  const contact = await trx
    .updateTable('contacts')
    .set(set)
    .where('id', '=', contactId)
    .returningAll()
    .executeTakeFirstOrThrow();
  return outcome(contact, [contactUpdated(contact)]);
}

/** Removes custom attribute keys (merging cannot), Chatwoot's destroy_custom_attributes. */
export async function removeCustomAttributes(
  tx: Tx,
  caller: Caller,
  contactId: number,
  keys: readonly string[],
): Promise<Outcome<ContactRow>> {
  const trx = tx.db;
  const current = await findContact(trx, caller.account.id, contactId);
  if (!current) throw notFound('Contact');
  const custom = mergeAttributes(current.custom_attributes, undefined);
  for (const key of keys) delete custom[key];
  const contact = await trx
    .updateTable('contacts')
    .set({ custom_attributes: JSON.stringify(custom), updated_at: nowMs() })
    .where('id', '=', contactId)
    .returningAll()
    .executeTakeFirstOrThrow();
  return outcome(contact, [contactUpdated(contact)]);
}

/** Deletes the contact with its conversations and messages (cascade). */
export async function deleteContact(
  tx: Tx,
  caller: Caller,
  contactId: number,
): Promise<Outcome<void>> {
  const accountId = caller.account.id;
  const result = await tx.db
    .deleteFrom('contacts')
    .where('account_id', '=', accountId)
    .where('id', '=', contactId)
    .executeTakeFirst();
  if (Number(result.numDeletedRows) === 0) throw notFound('Contact');
  return outcome(undefined, [
    publishEvent(
      { accountId, inboxId: null },
      { event: 'contact.deleted', data: { id: contactId } },
    ),
  ]);
}
