/** Test rows of custom attribute definitions. */
import type { AttributeDisplayType, AttributeModel } from '@bevatel/protocol';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema';
import { unique } from '../../test/factories';

export async function insertDefinition(
  db: Kysely<Database>,
  accountId: number,
  fields: {
    key?: string;
    type?: AttributeDisplayType;
    model?: AttributeModel;
    values?: string[];
    name?: string;
  } = {},
): Promise<number> {
  const now = Date.now();
  const row = await db
    .insertInto('custom_attribute_definitions')
    .values({
      account_id: accountId,
      attribute_model: fields.model ?? 'contact_attribute',
      attribute_key: fields.key ?? unique('attr').replace(/[^A-Za-z0-9_.-]/g, '_'),
      attribute_display_name: fields.name ?? 'Attribute',
      attribute_display_type: fields.type ?? 'text',
      attribute_description: null,
      attribute_values: JSON.stringify(fields.values ?? []),
      position: 10,
      created_at: now,
      updated_at: now,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}
