/**
 * What the page-level shortcuts do, on the dashboard as it is on screen: the conversation list's
 * rows, the reply box, the tabs. They press what a mouse would, so a shortcut and a click can
 * never disagree.
 */
import { conversationShortcuts } from './registry';

/** The href of the row `step` away from the open conversation's (or the first row). */
export function neighbourConversation(step: 1 | -1): string | null {
  const rows = Array.from(document.querySelectorAll<HTMLAnchorElement>('a.conversation-row'));
  if (rows.length === 0) return null;
  const open = rows.findIndex((row) => row.getAttribute('aria-current') === 'page');
  const index = open === -1 ? 0 : open + step;
  return rows[index]?.getAttribute('href') ?? null;
}

export function focusComposer(): boolean {
  const box = document.querySelector<HTMLTextAreaElement>('.reply-box textarea');
  if (!box) return false;
  box.focus();
  return true;
}

/** Reply ↔ private note: the mode button not pressed now (it focuses the reply box). */
export function toggleComposerMode(): boolean {
  const other = document.querySelector<HTMLButtonElement>(
    '.reply-modes button[aria-pressed="false"]',
  );
  if (!other) return false;
  other.click();
  return true;
}

/** The Nth tab of the conversation (Messages first, then its apps). */
export function openTab(index: number): boolean {
  const tab = document.querySelectorAll<HTMLButtonElement>('.dapp-tabs [role="tab"]')[index];
  if (!tab) return false;
  tab.click();
  tab.focus();
  return true;
}

export function resolveConversation(): boolean {
  const handlers = conversationShortcuts();
  handlers?.resolve();
  return handlers !== null;
}

export function assignToMe(): boolean {
  const handlers = conversationShortcuts();
  handlers?.assignToMe();
  return handlers !== null;
}
