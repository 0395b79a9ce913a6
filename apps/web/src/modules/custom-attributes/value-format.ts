/** Custom attribute values between the stored JSON and the form controls, framework-free. */
import type { AttributeDisplayType, JsonValue, Locale } from '@bevatel/protocol';

/** The control's text for a stored value (dates as YYYY-MM-DD for a date input). */
export function toControlValue(type: AttributeDisplayType, value: JsonValue | undefined): string {
  if (value === null || value === undefined) return '';
  if (type === 'date' && typeof value === 'string') return value.slice(0, 10);
  return typeof value === 'string' ? value : JSON.stringify(value);
}

/** The value to store for what the control holds: an empty control clears the attribute. */
export function fromControlValue(type: AttributeDisplayType, text: string): JsonValue {
  const trimmed = text.trim();
  if (trimmed === '') return null;
  if (type === 'number') {
    const number = Number(trimmed);
    return Number.isFinite(number) ? number : trimmed;
  }
  return type === 'text' ? text : trimmed;
}

/** How a stored value reads (links and checkboxes are rendered by the component). */
export function formatValue(
  type: AttributeDisplayType,
  value: JsonValue | undefined,
  locale: Locale,
): string | null {
  if (value === null || value === undefined || value === '') return null;
  if (type === 'number' && typeof value === 'number') {
    return new Intl.NumberFormat(locale === 'ar' ? 'ar-u-nu-latn' : 'en').format(value);
  }
  if (type === 'date' && typeof value === 'string') {
    const day = /^\d{4}-\d{2}-\d{2}$/.test(value) ? `${value}T00:00:00Z` : value;
    const at = new Date(day);
    if (Number.isNaN(at.getTime())) return value;
    return new Intl.DateTimeFormat(locale === 'ar' ? 'ar-u-nu-latn' : 'en', {
      dateStyle: 'medium',
      timeZone: day === value ? undefined : 'UTC',
    }).format(at);
  }
  return typeof value === 'string' ? value : JSON.stringify(value);
}
