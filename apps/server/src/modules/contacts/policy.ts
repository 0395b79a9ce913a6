import type { JsonObject, JsonValue } from '@bevatel/protocol';
import { invalid } from '../../lib/errors';
import { parseJsonObject } from '../../lib/json';
import { documentText } from '../../core/documents';
import { stripBidiControls } from '../../lib/bidi';

/** Largest attributes document kept per contact (serialized): they ride along on every list. */
export const MAX_ATTRIBUTES_BYTES = 64 * 1024;

const E164 = /^\+[1-9]\d{1,14}$/;
// Deliberately loose: one @, something on both sides, a dot in the domain, no spaces.
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** `undefined` leaves a field alone; blank text clears it (null). */
function blankToNull(value: string | null | undefined): string | null | undefined {
  if (value === undefined || value === null) return value;
  const trimmed = value.trim();
  return trimmed === '' ? null : trimmed;
}

export function normalizeEmail(value: string | null | undefined): string | null | undefined {
  const email = blankToNull(value);
  if (email == null) return email;
  if (!EMAIL.test(email)) throw invalid('email', 'email is not a valid email address');
  return email.toLowerCase();
}

/** E.164 (`+966500000001`); spaces, dashes, dots and parentheses people type are dropped. */
export function normalizePhone(value: string | null | undefined): string | null | undefined {
  const raw = blankToNull(value);
  if (raw == null) return raw;
  const phone = raw.replace(/[\s\-().]/g, '');
  if (!E164.test(phone)) {
    throw invalid('phone_number', 'phone_number must be in E.164 format, e.g. +966500000001');
  }
  return phone;
}

/**
 * Contact text (names) arrives from outside, from customers and their systems: bidi controls
 * are dropped rather than refused, so a message is never lost over them.
 */
export const normalizeText = (value: string | null | undefined) =>
  blankToNull(stripBidiControls(value));

const isObject = (value: JsonValue | undefined): value is JsonObject =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * Shallow merge of an attributes patch into the stored document; `social_profiles` merges one
 * level deeper so setting one network keeps the others.
 */
export function mergeAttributes(storedText: string, patch: JsonObject | undefined): JsonObject {
  const stored = parseJsonObject(storedText);
  if (!patch) return stored;
  const merged: JsonObject = { ...stored, ...patch };
  if (isObject(patch.social_profiles)) {
    const before = isObject(stored.social_profiles) ? stored.social_profiles : {};
    merged.social_profiles = { ...before, ...patch.social_profiles };
  }
  return merged;
}

/** Serializes an attributes document, refusing oversized ones with a 422 on `field`. */
export const serializeAttributes = (document: JsonObject, field: string): string =>
  documentText(document, field, MAX_ATTRIBUTES_BYTES);
