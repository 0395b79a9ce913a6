/**
 * How things outside the reply box reach it (dashboard apps, through the host): put text into
 * a conversation's composer, and check a reply or note before it is sent. The reply box
 * registers itself; when it is not mounted, text goes into the conversation's draft.
 */
import { readDraft, writeDraft, type ComposerKind } from './drafts';

export type InsertMode = 'insert' | 'replace' | 'append';

export interface ComposerText {
  text: string;
  selectionStart: number;
  selectionEnd: number;
}

/** The text after an insertion, and where the caret goes (after the inserted text). */
export function applyInsert(
  current: ComposerText,
  inserted: string,
  mode: InsertMode,
): { text: string; caret: number } {
  if (mode === 'replace') return { text: inserted, caret: inserted.length };
  if (mode === 'append') {
    const text = current.text + inserted;
    return { text, caret: text.length };
  }
  const start = Math.max(0, Math.min(current.selectionStart, current.text.length));
  const end = Math.max(start, Math.min(current.selectionEnd, current.text.length));
  const text = current.text.slice(0, start) + inserted + current.text.slice(end);
  return { text, caret: start + inserted.length };
}

export interface LiveComposer {
  /** Whether the agent can see the box now (not behind another tab). */
  onScreen(): boolean;
  insert(text: string, mode: InsertMode, target: ComposerKind): void;
}

const live = new Map<string, LiveComposer>();

export function attachComposer(key: string, composer: LiveComposer): () => void {
  live.set(key, composer);
  return () => {
    if (live.get(key) === composer) live.delete(key);
  };
}

/** Puts text into the conversation's reply box: on screen, or into its draft for later. */
export function insertIntoComposer(
  key: string,
  text: string,
  mode: InsertMode,
  target: ComposerKind,
): 'composer' | 'draft' {
  const composer = live.get(key);
  if (composer) {
    const visible = composer.onScreen();
    composer.insert(text, mode, target);
    return visible ? 'composer' : 'draft';
  }
  const draft = readDraft(key) ?? { text: '', mode: target };
  const caret = draft.caret ?? draft.text.length;
  const next = applyInsert(
    { text: draft.text, selectionStart: caret, selectionEnd: caret },
    text,
    mode,
  );
  writeDraft(key, { text: next.text, mode: target, caret: next.caret });
  return 'draft';
}

/** One objection to sending, from whoever guards the composer (a dashboard app). */
export interface SendObjection {
  source: string;
  reason: string;
  /** Whether the agent may send anyway. */
  overridable: boolean;
}

export type SendGuard = (check: {
  text: string;
  kind: ComposerKind;
}) => Promise<SendObjection | null>;

const guards = new Map<string, Set<SendGuard>>();

export function registerSendGuard(key: string, guard: SendGuard): () => void {
  const set = guards.get(key) ?? new Set<SendGuard>();
  set.add(guard);
  guards.set(key, set);
  return () => {
    set.delete(guard);
    if (set.size === 0 && guards.get(key) === set) guards.delete(key);
  };
}

export function hasSendGuards(key: string): boolean {
  return (guards.get(key)?.size ?? 0) > 0;
}

/** Asks every guard at once; the objections of those that refused (none: send). */
export async function checkBeforeSend(
  key: string,
  check: { text: string; kind: ComposerKind },
): Promise<SendObjection[]> {
  const all = [...(guards.get(key) ?? [])];
  const verdicts = await Promise.all(all.map((guard) => guard(check).catch(() => null)));
  return verdicts.filter((verdict): verdict is SendObjection => verdict !== null);
}
