import {
  STANDARD_ATTRIBUTE_KEYS,
  type AttributeDisplayType,
  type AttributeModel,
} from '@bevatel/protocol';
import { sql } from 'kysely';
import type { Caller } from '../../core/caller';
import { outcome, publishEvent, type CoreEvent, type Outcome, type Tx } from '../../core/commands';
import type { CustomAttributeDefinitionRow } from '../../db/schema';
import { lockAccount, refusingDuplicates } from '../../lib/db-errors';
import { invalid, notFound } from '../../lib/errors';
import { nowMs } from '../../lib/time';
import { presentDefinition } from './presenter';
import { findDefinition } from './queries';

export interface DefinitionInput {
  attribute_display_name?: string;
  attribute_key?: string;
  attribute_description?: string | null;
  attribute_display_type?: AttributeDisplayType;
  attribute_model?: AttributeModel;
  attribute_values?: string[];
  /** Chatwoot's field: accepted when empty (no pattern checks yet). */
  regex_pattern?: string | null;
}

const taken = () =>
  invalid('attribute_key', 'An attribute with this key already exists for this model');

/** A write whose unique constraint refuses a taken value with taken(). */
const withUniqueKey = <T>(work: () => Promise<T>): Promise<T> => refusingDuplicates(work, taken);

/** Every member's panels show them: the events go to the whole account. */
const changed = (
  row: CustomAttributeDefinitionRow,
  event: 'custom_attribute_definition.created' | 'custom_attribute_definition.updated',
): CoreEvent =>
  publishEvent(
    { accountId: row.account_id, inboxId: null },
    { event, data: presentDefinition(row) },
  );

function displayName(name: string): string {
  const trimmed = name.trim();
  if (!trimmed) throw invalid('attribute_display_name', 'attribute_display_name must not be blank');
  return trimmed;
}

/** A list needs its choices (distinct, not blank); other types keep none. */
function valuesFor(type: AttributeDisplayType, values: string[] | undefined): string[] {
  if (type !== 'list') return [];
  const list = (values ?? []).map((value) => value.trim());
  if (list.length === 0 || list.some((value) => value === '')) {
    throw invalid('attribute_values', 'A list attribute needs its values, none of them blank');
  }
  if (new Set(list).size !== list.length) {
    throw invalid('attribute_values', 'attribute_values must not repeat a value');
  }
  return list;
}

function checkRegex(pattern: string | null | undefined): void {
  if (pattern) throw invalid('regex_pattern', 'regex_pattern is not supported yet');
}

export async function createDefinition(
  tx: Tx,
  caller: Caller,
  input: DefinitionInput & { attribute_display_name: string; attribute_key: string },
): Promise<Outcome<CustomAttributeDefinitionRow>> {
  const model = input.attribute_model ?? 'conversation_attribute';
  const type = input.attribute_display_type ?? 'text';
  const key = input.attribute_key.trim();
  if (STANDARD_ATTRIBUTE_KEYS[model].includes(key)) {
    throw invalid('attribute_key', `${key} is a standard field of this model`);
  }
  checkRegex(input.regex_pattern);
  const values = valuesFor(type, input.attribute_values);
  const name = displayName(input.attribute_display_name);
  const accountId = caller.account.id;
  // Positions are per account and model: serialize concurrent creations on PostgreSQL.
  await lockAccount(tx.db, tx.dialect, accountId);
  const last = await tx.db
    .selectFrom('custom_attribute_definitions')
    .select(sql<number | null>`max(position)`.as('position'))
    .where('account_id', '=', accountId)
    .where('attribute_model', '=', model)
    .executeTakeFirst();
  const now = nowMs();
  const row = await withUniqueKey(() =>
    tx.db
      .insertInto('custom_attribute_definitions')
      .values({
        account_id: accountId,
        attribute_model: model,
        attribute_key: key,
        attribute_display_name: name,
        attribute_display_type: type,
        attribute_description: input.attribute_description ?? null,
        attribute_values: JSON.stringify(values),
        position: Number(last?.position ?? 0) + 10,
        created_at: now,
        updated_at: now,
      })
      .returningAll()
      .executeTakeFirstOrThrow(),
  );
  return outcome(row, [changed(row, 'custom_attribute_definition.created')]);
}

/**
 * Changes how an attribute is shown and which values it takes. The key and the model stay:
 * values are stored under the key, so renaming it would strand them.
 */
export async function updateDefinition(
  tx: Tx,
  caller: Caller,
  id: number,
  input: DefinitionInput,
): Promise<Outcome<CustomAttributeDefinitionRow>> {
  const current = await findDefinition(tx.db, caller.account.id, id);
  if (!current) throw notFound('Custom attribute definition');
  if (input.attribute_key !== undefined && input.attribute_key.trim() !== current.attribute_key) {
    throw invalid('attribute_key', 'attribute_key cannot change once created');
  }
  if (input.attribute_model !== undefined && input.attribute_model !== current.attribute_model) {
    throw invalid('attribute_model', 'attribute_model cannot change once created');
  }
  checkRegex(input.regex_pattern);
  const presented = presentDefinition(current);
  const type = input.attribute_display_type ?? presented.attribute_display_type;
  const typeOrValuesChange =
    input.attribute_display_type !== undefined || input.attribute_values !== undefined;
  const set = {
    ...(input.attribute_display_name !== undefined
      ? { attribute_display_name: displayName(input.attribute_display_name) }
      : {}),
    ...(input.attribute_description !== undefined
      ? { attribute_description: input.attribute_description }
      : {}),
    ...(input.attribute_display_type !== undefined ? { attribute_display_type: type } : {}),
    ...(typeOrValuesChange
      ? {
          attribute_values: JSON.stringify(
            valuesFor(type, input.attribute_values ?? presented.attribute_values),
          ),
        }
      : {}),
  };
  if (Object.keys(set).length === 0) return outcome(current);
  const row = await tx.db
    .updateTable('custom_attribute_definitions')
    .set({ ...set, updated_at: nowMs() })
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirstOrThrow();
  return outcome(row, [changed(row, 'custom_attribute_definition.updated')]);
}

/** Deletes the definition; values stored under its key stay, free-form (as in Chatwoot). */
export async function deleteDefinition(tx: Tx, caller: Caller, id: number): Promise<Outcome<void>> {
  const current = await findDefinition(tx.db, caller.account.id, id);
  if (!current) throw notFound('Custom attribute definition');
  await tx.db.deleteFrom('custom_attribute_definitions').where('id', '=', id).execute();
  return outcome(undefined, [
    publishEvent(
      { accountId: current.account_id, inboxId: null },
      { event: 'custom_attribute_definition.deleted', data: { id } },
    ),
  ]);
}
