import { attributeValueProblem, type AttributeModel, type JsonObject } from '@bevatel/protocol';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema';
import { invalid } from '../../lib/errors';
import { presentDefinition } from './presenter';
import { definitionsOfKeys } from './queries';

/**
 * Checks the values being written against their definitions: a key with a definition must hold
 * a value of its type (null clears it); keys without one stay free-form, as in Chatwoot. Every
 * write of custom attributes goes through here (the dashboard, the REST API, level-2 apps, the
 * widget), so only the keys written are checked, never what was stored before.
 */
export async function checkCustomAttributes(
  db: Kysely<Database>,
  accountId: number,
  model: AttributeModel,
  attributes: JsonObject | undefined,
): Promise<void> {
  if (!attributes) return;
  const rows = await definitionsOfKeys(db, accountId, model, Object.keys(attributes));
  for (const row of rows) {
    const definition = presentDefinition(row);
    const problem = attributeValueProblem(definition, attributes[definition.attribute_key]);
    if (problem) throw invalid(`custom_attributes.${definition.attribute_key}`, problem);
  }
}
