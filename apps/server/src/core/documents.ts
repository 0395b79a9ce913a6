import type { JsonObject } from '@bevatel/protocol';
import { invalid } from '../lib/errors';

/**
 * Serializes a JSON document stored in a text column (attributes), refusing one larger than
 * `maxBytes` with a 422 naming `field`: such documents ride along on every list.
 */
export function documentText(value: JsonObject, field: string, maxBytes: number): string {
  const text = JSON.stringify(value);
  if (Buffer.byteLength(text, 'utf8') > maxBytes) {
    throw invalid(field, `${field} must be at most ${maxBytes} bytes of JSON`);
  }
  return text;
}
