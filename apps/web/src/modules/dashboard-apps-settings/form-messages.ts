/** A message to show: a key of this module's catalog, or text the server sent. */
export type FieldMessage =
  { key: string; values?: Record<string, string | number> } | { text: string };
