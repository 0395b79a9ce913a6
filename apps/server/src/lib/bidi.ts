/**
 * Bidirectional embedding, override and isolate controls (U+202A–U+202E, U+2066–U+2069) let a
 * name or title reorder the text around it ("Invoice‮fdp.exe" shown as "Invoiceexe.pdf"). Names
 * people type are refused with them; names that arrive from outside (contacts) lose them.
 */
import { invalid } from './errors';

const BIDI_CONTROLS = /[\u202A-\u202E\u2066-\u2069]/g;

export const hasBidiControls = (value: string): boolean => {
  BIDI_CONTROLS.lastIndex = 0;
  return BIDI_CONTROLS.test(value);
};

/** Throws a 422 on `field` when the value holds a bidi control character. */
export function refuseBidiControls(field: string, value: string | null | undefined): void {
  if (value != null && hasBidiControls(value)) {
    throw invalid(
      field,
      `${field} must not contain bidirectional control characters (U+202A–U+202E, U+2066–U+2069)`,
    );
  }
}

/** The value without bidi control characters. */
export const stripBidiControls = <T extends string | null | undefined>(value: T): T =>
  (typeof value === 'string' ? value.replace(BIDI_CONTROLS, '') : value) as T;
