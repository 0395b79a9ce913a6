import type { AttributeModel } from '@bevatel/protocol';
import type { Kysely } from 'kysely';
import type { CustomAttributeDefinitionRow, Database } from '../../db/schema';

/** The account's definitions in their order (Chatwoot's `position`), of one model when given. */
export async function listDefinitions(
  db: Kysely<Database>,
  accountId: number,
  model?: AttributeModel,
): Promise<CustomAttributeDefinitionRow[]> {
  let query = db
    .selectFrom('custom_attribute_definitions')
    .selectAll()
    .where('account_id', '=', accountId);
  if (model) query = query.where('attribute_model', '=', model);
  return query.orderBy('attribute_model').orderBy('position').orderBy('id').execute();
}

export async function findDefinition(
  db: Kysely<Database>,
  accountId: number,
  id: number,
): Promise<CustomAttributeDefinitionRow | undefined> {
  return db
    .selectFrom('custom_attribute_definitions')
    .selectAll()
    .where('account_id', '=', accountId)
    .where('id', '=', id)
    .executeTakeFirst();
}

/** The definitions of `keys` for one model (what a write of those keys is checked against). */
export async function definitionsOfKeys(
  db: Kysely<Database>,
  accountId: number,
  model: AttributeModel,
  keys: readonly string[],
): Promise<CustomAttributeDefinitionRow[]> {
  if (keys.length === 0) return [];
  return db
    .selectFrom('custom_attribute_definitions')
    .selectAll()
    .where('account_id', '=', accountId)
    .where('attribute_model', '=', model)
    .where('attribute_key', 'in', [...keys])
    .execute();
}
