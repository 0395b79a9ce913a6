/**
 * Custom attribute definitions (Chatwoot's `custom_attribute_definitions`): what a key of a
 * contact's or a conversation's `custom_attributes` means, how it is shown and which values it
 * takes. Keys without a definition stay free-form, as in Chatwoot.
 */

export const ATTRIBUTE_DISPLAY_TYPES = [
  'text',
  'number',
  'link',
  'date',
  'list',
  'checkbox',
] as const;
export type AttributeDisplayType = (typeof ATTRIBUTE_DISPLAY_TYPES)[number];

export const ATTRIBUTE_MODELS = ['conversation_attribute', 'contact_attribute'] as const;
export type AttributeModel = (typeof ATTRIBUTE_MODELS)[number];

export interface CustomAttributeDefinition {
  id: number;
  attribute_display_name: string;
  attribute_display_type: AttributeDisplayType;
  attribute_description: string | null;
  attribute_key: string;
  /** Chatwoot's field; always null here (no pattern checks yet). */
  regex_pattern: string | null;
  /** The choices of a `list`; empty for other types. */
  attribute_values: string[];
  attribute_model: AttributeModel;
  default_value: null;
  created_at: number;
  updated_at: number;
}

/** Chatwoot's key format: letters, digits, `_`, `.`, `-`. */
export const ATTRIBUTE_KEY_PATTERN = '^[\\p{L}\\p{N}_.\\-]+$';
export const ATTRIBUTE_KEY_MAX_LENGTH = 255;
export const ATTRIBUTE_TEXT_MAX_LENGTH = 10_000;
export const ATTRIBUTE_LIST_MAX_VALUES = 100;

/** Keys Chatwoot keeps for its standard fields: a definition may not take them. */
export const STANDARD_ATTRIBUTE_KEYS: Record<AttributeModel, readonly string[]> = {
  conversation_attribute: [
    'status',
    'priority',
    'assignee_id',
    'inbox_id',
    'team_id',
    'display_id',
    'campaign_id',
    'labels',
    'browser_language',
    'country_code',
    'referer',
    'created_at',
    'last_activity_at',
  ],
  contact_attribute: [
    'name',
    'email',
    'phone_number',
    'identifier',
    'country_code',
    'city',
    'company_name',
    'created_at',
    'last_activity_at',
    'referer',
    'blocked',
  ],
};

const DATE = /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d{1,6})?)?(Z|[+-]\d{2}:?\d{2})?)?$/;

/** Why `value` does not fit `definition` (null: it fits). `null` always fits: it clears. */
export function attributeValueProblem(
  definition: Pick<
    CustomAttributeDefinition,
    'attribute_display_type' | 'attribute_values' | 'attribute_display_name'
  >,
  value: unknown,
): string | null {
  if (value === null) return null;
  const name = definition.attribute_display_name;
  switch (definition.attribute_display_type) {
    case 'text':
      return typeof value === 'string' && value.length <= ATTRIBUTE_TEXT_MAX_LENGTH
        ? null
        : `${name} must be text of at most ${ATTRIBUTE_TEXT_MAX_LENGTH} characters`;
    case 'number':
      return typeof value === 'number' && Number.isFinite(value)
        ? null
        : `${name} must be a number`;
    case 'link': {
      if (typeof value !== 'string' || value.length > 2048) return `${name} must be a link`;
      try {
        const url = new URL(value);
        return url.protocol === 'http:' || url.protocol === 'https:'
          ? null
          : `${name} must be an http(s) link`;
      } catch {
        return `${name} must be a link`;
      }
    }
    case 'date':
      return typeof value === 'string' && DATE.test(value) && !Number.isNaN(Date.parse(value))
        ? null
        : `${name} must be a date (YYYY-MM-DD or an ISO 8601 time)`;
    case 'list':
      return typeof value === 'string' && definition.attribute_values.includes(value)
        ? null
        : `${name} must be one of: ${definition.attribute_values.join(', ')}`;
    case 'checkbox':
      return typeof value === 'boolean' ? null : `${name} must be true or false`;
  }
}
