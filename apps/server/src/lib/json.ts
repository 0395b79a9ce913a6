import type { JsonObject, JsonValue } from '@bevatel/protocol';

/** Parses a JSON text column; a damaged value reads as the fallback instead of failing a list. */
export function parseJsonObject(text: string | null | undefined): JsonObject {
  if (!text) return {};
  try {
    const value: unknown = JSON.parse(text);
    return typeof value === 'object' && value !== null && !Array.isArray(value)
      ? (value as JsonObject)
      : {};
  } catch {
    return {};
  }
}

export function parseJsonArray(text: string | null | undefined): JsonValue[] {
  if (!text) return [];
  try {
    const value: unknown = JSON.parse(text);
    return Array.isArray(value) ? (value as JsonValue[]) : [];
  } catch {
    return [];
  }
}
