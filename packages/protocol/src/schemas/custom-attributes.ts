/** Response schemas of custom attribute definitions (contract.ts checks them). */
import { Type } from 'typebox';
import { ATTRIBUTE_DISPLAY_TYPES, ATTRIBUTE_MODELS } from '../custom-attributes';
import { Int, NullableStr, OneOf, Str } from './build';

export const CustomAttributeDefinitionSchema = Type.Object({
  id: Int(),
  attribute_display_name: Str(),
  attribute_display_type: OneOf(ATTRIBUTE_DISPLAY_TYPES),
  attribute_description: NullableStr(),
  attribute_key: Str(),
  regex_pattern: NullableStr(),
  attribute_values: Type.Array(Str()),
  attribute_model: OneOf(ATTRIBUTE_MODELS),
  default_value: Type.Null(),
  created_at: Int(),
  updated_at: Int(),
});

export const CustomAttributeDefinitionListSchema = Type.Array(CustomAttributeDefinitionSchema);
