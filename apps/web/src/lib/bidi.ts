/**
 * Text people wrote (names, titles, messages) takes its direction from its own letters, never
 * from the dashboard's language, and cannot reorder what surrounds it.
 *
 * Embedding, override and isolate controls (U+202A–U+202E, U+2066–U+2069) are dropped from
 * names and titles before they are shown: the server refuses them now, older rows may still
 * hold them. Inside a translated sentence a name is wrapped in FSI … PDI, the plain-text form
 * of `<bdi>`, so "‮Omar: Done!" stays "Omar: Done!" in attributes, options and toasts too.
 */
const BIDI_CONTROLS = /[\u202A-\u202E\u2066-\u2069]/g;

const FIRST_STRONG_ISOLATE = '\u2068';
const POP_DIRECTIONAL_ISOLATE = '\u2069';

export function withoutBidiControls(text: string): string {
  return text.replace(BIDI_CONTROLS, '');
}

/** A name for interpolation into a sentence: its own direction, sealed off from the rest. */
export function isolated(text: string): string {
  return `${FIRST_STRONG_ISOLATE}${withoutBidiControls(text)}${POP_DIRECTIONAL_ISOLATE}`;
}
