/** Unsent text per conversation (`accountId/displayId`): survives switching conversations. */
export type ComposerKind = 'reply' | 'note';

export interface Draft {
  text: string;
  mode: ComposerKind;
  /** Where the caret was (or should be) in `text`. */
  caret?: number;
}

const drafts = new Map<string, Draft>();

export function readDraft(key: string): Draft | undefined {
  return drafts.get(key);
}

export function writeDraft(key: string, draft: Draft): void {
  if (draft.text) drafts.set(key, draft);
  else drafts.delete(key);
}
