import type { JsonValue } from '@bevatel/protocol';

const BASES: Record<string, string> = {
  github: 'https://github.com/',
  twitter: 'https://x.com/',
  facebook: 'https://facebook.com/',
  linkedin: 'https://www.linkedin.com/in/',
};

/**
 * A safe link for a social profile: a handle becomes the network's URL; a full https URL is
 * kept; anything else (javascript:, data:) gets no link at all.
 */
export function socialProfileUrl(network: string, value: JsonValue): string | null {
  if (typeof value !== 'string' || !value.trim()) return null;
  const text = value.trim();
  if (/^https:\/\//i.test(text)) {
    try {
      return new URL(text).toString();
    } catch {
      return null;
    }
  }
  const base = BASES[network];
  const handle = text.replace(/^@/, '');
  return base && /^[\w.-]{1,100}$/.test(handle) ? `${base}${handle}` : null;
}

/** Custom attribute values as text, and back: numbers and booleans keep their type. */
export function attributeToText(value: JsonValue): string {
  if (value === null) return '';
  return typeof value === 'object' ? JSON.stringify(value) : String(value);
}

export function textToAttribute(text: string, previous: JsonValue | undefined): JsonValue {
  if (typeof previous === 'number' && text.trim() !== '' && Number.isFinite(Number(text))) {
    return Number(text);
  }
  if (typeof previous === 'boolean' && (text === 'true' || text === 'false'))
    return text === 'true';
  return text;
}
