import { randomUUID } from 'node:crypto';
import type { JsonObject } from '@bevatel/protocol';
import type { FastifyInstance } from 'fastify';
import type { Transaction } from 'kysely';
import type { ContactRow, Database, InboxRow } from '../../db/schema';
import { isUniqueViolation, lockAccount } from '../../lib/db-errors';
import { invalid, notFound } from '../../lib/errors';
import { nowMs } from '../../lib/time';
import type { InboxViewer } from '../inboxes/policy';
import { findInbox } from '../inboxes/queries';
import {
  mergeAttributes,
  normalizeEmail,
  normalizePhone,
  normalizeText,
  serializeAttributes,
} from './policy';
import { presentContact } from './presenter';
import { findContact, findContactBy } from './queries';

type App = Pick<FastifyInstance, 'db' | 'dialect' | 'realtime' | 'log'>;

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

/** Publishing happens after commit; a failed publish must not turn a saved change into a 500. */
async function publish(app: App, accountId: number, run: () => Promise<void>): Promise<void> {
  try {
    await run();
  } catch (error) {
    app.log.error({ err: error, accountId }, 'realtime publish failed');
  }
}

export async function publishContactUpdated(app: App, contact: ContactRow): Promise<void> {
  await publish(app, contact.account_id, () =>
    app.realtime.publish(
      { accountId: contact.account_id, inboxId: null },
      { event: 'contact.updated', data: presentContact(contact) },
    ),
  );
}

/**
 * Creates a contact and, with `inbox_id`, its contact_inbox there (random source id unless
 * one is given). Nothing is written unless everything is valid.
 */
export async function createContact(
  app: App,
  accountId: number,
  viewer: InboxViewer,
  input: NewContactInput,
): Promise<CreatedContact> {
  const columns = columnsOf(input);
  const additional = serializeAttributes(
    mergeAttributes('{}', input.additional_attributes),
    'additional_attributes',
  );
  const custom = serializeAttributes(input.custom_attributes ?? {}, 'custom_attributes');
  try {
    return await app.db.transaction().execute(async (trx) => {
      await lockAccount(trx, app.dialect, accountId);
      await assertUnique(trx, accountId, columns);
      let inbox: InboxRow | undefined;
      if (input.inbox_id !== undefined) {
        inbox = await findInbox(trx, accountId, input.inbox_id, viewer);
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
      if (!inbox) return { contact, contactInbox: null };
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
      return { contact, contactInbox: { ...contactInbox, inbox } };
    });
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
  app: App,
  accountId: number,
  contactId: number,
  input: ContactInput,
): Promise<ContactRow> {
  const columns = columnsOf(input);
  const contact = await app.db.transaction().execute(async (trx) => {
    await lockAccount(trx, app.dialect, accountId);
    const current = await findContact(trx, accountId, contactId);
    if (!current) throw notFound('Contact');
    await assertUnique(trx, accountId, columns, contactId);
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
    return trx
      .updateTable('contacts')
      .set(set)
      .where('id', '=', contactId)
      .returningAll()
      .executeTakeFirstOrThrow();
  });
  await publishContactUpdated(app, contact);
  return contact;
}

/** Removes custom attribute keys (merging cannot), Chatwoot's destroy_custom_attributes. */
export async function removeCustomAttributes(
  app: App,
  accountId: number,
  contactId: number,
  keys: readonly string[],
): Promise<ContactRow> {
  const contact = await app.db.transaction().execute(async (trx) => {
    const current = await findContact(trx, accountId, contactId);
    if (!current) throw notFound('Contact');
    const custom = mergeAttributes(current.custom_attributes, undefined);
    for (const key of keys) delete custom[key];
    return trx
      .updateTable('contacts')
      .set({ custom_attributes: JSON.stringify(custom), updated_at: nowMs() })
      .where('id', '=', contactId)
      .returningAll()
      .executeTakeFirstOrThrow();
  });
  await publishContactUpdated(app, contact);
  return contact;
}

/** Deletes the contact with its conversations and messages (cascade). Publishes after commit. */
export async function deleteContact(app: App, accountId: number, contactId: number): Promise<void> {
  await app.db.transaction().execute(async (trx) => {
    const result = await trx
      .deleteFrom('contacts')
      .where('account_id', '=', accountId)
      .where('id', '=', contactId)
      .executeTakeFirst();
    if (Number(result.numDeletedRows) === 0) throw notFound('Contact');
  });
  await publish(app, accountId, () =>
    app.realtime.publish(
      { accountId, inboxId: null },
      { event: 'contact.deleted', data: { id: contactId } },
    ),
  );
}
