/**
 * The open conversation's own shortcut actions (resolve, assign to me), registered by its
 * header, which holds the mutations the buttons use, so a shortcut does exactly what a click does.
 */
export interface ConversationShortcuts {
  resolve(): void;
  assignToMe(): void;
}

let current: ConversationShortcuts | null = null;

/** Registers the handlers; returns the function that removes them (a React effect cleanup). */
export function registerConversationShortcuts(handlers: ConversationShortcuts): () => void {
  current = handlers;
  return () => {
    if (current === handlers) current = null;
  };
}

export const conversationShortcuts = (): ConversationShortcuts | null => current;
