import {
  ATTRIBUTE_DISPLAY_TYPES,
  ATTRIBUTE_MODELS,
  type AttributeDisplayType,
  type AttributeModel,
  type CustomAttributeDefinition,
} from '@bevatel/protocol';
import type { CustomAttributeDefinitionRow } from '../../db/schema';
import { parseJsonArray } from '../../lib/json';
import { toSecondsOrZero } from '../../lib/time';

const displayTypeOf = (value: string): AttributeDisplayType =>
  (ATTRIBUTE_DISPLAY_TYPES as readonly string[]).includes(value)
    ? (value as AttributeDisplayType)
    : 'text';

const modelOf = (value: string): AttributeModel =>
  (ATTRIBUTE_MODELS as readonly string[]).includes(value)
    ? (value as AttributeModel)
    : 'conversation_attribute';

export function presentDefinition(row: CustomAttributeDefinitionRow): CustomAttributeDefinition {
  return {
    id: row.id,
    attribute_display_name: row.attribute_display_name,
    attribute_display_type: displayTypeOf(row.attribute_display_type),
    attribute_description: row.attribute_description,
    attribute_key: row.attribute_key,
    regex_pattern: null,
    attribute_values: parseJsonArray(row.attribute_values).filter(
      (value): value is string => typeof value === 'string',
    ),
    attribute_model: modelOf(row.attribute_model),
    default_value: null,
    created_at: toSecondsOrZero(row.created_at),
    updated_at: toSecondsOrZero(row.updated_at),
  };
}
