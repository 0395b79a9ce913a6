/** The dashboard's keyboard shortcuts, framework-free: which key does what, and when not. */

export type ShortcutAction =
  | { type: 'next' }
  | { type: 'previous' }
  | { type: 'focusComposer' }
  | { type: 'toggleMode' }
  | { type: 'resolve' }
  | { type: 'assignToMe' }
  | { type: 'tab'; index: number }
  | { type: 'help' };

/** For the sheet: the keys of each action, in the order listed. */
export const SHORTCUT_KEYS: { action: ShortcutAction['type']; keys: string[] }[] = [
  { action: 'next', keys: ['j'] },
  { action: 'previous', keys: ['k'] },
  { action: 'focusComposer', keys: ['r'] },
  { action: 'toggleMode', keys: ['n'] },
  { action: 'resolve', keys: ['e'] },
  { action: 'assignToMe', keys: ['a'] },
  { action: 'tab', keys: ['1', '9'] },
  { action: 'help', keys: ['?'] },
];

/** What `isTypingTarget` reads of an element (DOM elements have it). */
interface ElementLike {
  tagName?: string;
  type?: string;
  closest?: (selector: string) => unknown;
}

const NOT_TEXT_INPUTS = ['checkbox', 'radio', 'button', 'submit', 'reset', 'range', 'color'];

/** Where a key press is text: fields, editable content, and anything inside them. */
export function isTypingTarget(target: EventTarget | null): boolean {
  const element = target as ElementLike | null;
  if (!element || typeof element.closest !== 'function') return false;
  if (element.closest('[contenteditable=""], [contenteditable="true"]')) return true;
  const tag = element.tagName?.toUpperCase();
  if (tag === 'TEXTAREA' || tag === 'SELECT') return true;
  return tag === 'INPUT' && !NOT_TEXT_INPUTS.includes((element.type ?? 'text').toLowerCase());
}

export interface KeyInput {
  key: string;
  ctrlKey: boolean;
  metaKey: boolean;
  altKey: boolean;
  target: EventTarget | null;
  defaultPrevented: boolean;
  isComposing?: boolean;
  /** The physical key (`KeyJ`): letters work on an Arabic layout too. */
  code?: string;
}

const LETTERS: Record<string, ShortcutAction> = {
  j: { type: 'next' },
  k: { type: 'previous' },
  r: { type: 'focusComposer' },
  n: { type: 'toggleMode' },
  e: { type: 'resolve' },
  a: { type: 'assignToMe' },
};

/**
 * The action of a key press, or null: never while typing in a field, never with Ctrl, Alt or
 * the Command key (the browser's and the system's own), never when something handled it.
 */
export function shortcutFor(input: KeyInput): ShortcutAction | null {
  if (input.defaultPrevented || input.isComposing) return null;
  if (input.ctrlKey || input.metaKey || input.altKey) return null;
  if (isTypingTarget(input.target)) return null;
  if (input.key === '?') return { type: 'help' };
  if (/^[1-9]$/.test(input.key)) return { type: 'tab', index: Number(input.key) - 1 };
  const letter = /^Key[A-Z]$/.test(input.code ?? '') ? input.code!.slice(3).toLowerCase() : null;
  return LETTERS[input.key.toLowerCase()] ?? (letter ? (LETTERS[letter] ?? null) : null);
}
