import {
  buildAppContext,
  serializeAppContext,
  type AppContextInput,
  type Contact,
  type Message,
} from '@bevatel/protocol';

/** Oldest first, as the document's `messages` are; the dashboard may hold pages in any order. */
function oldestFirst(messages: readonly Message[]): Message[] {
  return [...messages].sort((a, b) => a.created_at - b.created_at || a.id - b.id);
}

/**
 * The document types a contact's `last_activity_at` as an integer, but the REST presenter
 * gives null for a contact who has never been active. Apps are promised the document's types,
 * so such a contact is reported as last active when it was created.
 */
function withDocumentedTypes(contact: Contact): Contact {
  if (Number.isInteger(contact.last_activity_at)) return contact;
  return {
    ...contact,
    last_activity_at: Number.isInteger(contact.created_at) ? contact.created_at : 0,
  };
}

/**
 * The one place the appContext string is made (PROTOCOL.md level 1), from the same presented
 * entities the dashboard shows: `useAppContextPayload` feeds it, nothing else builds payloads.
 */
export function appContextPayload(input: AppContextInput): string {
  const { conversation } = input;
  return serializeAppContext(
    buildAppContext({
      ...input,
      conversation: {
        ...conversation,
        meta: { ...conversation.meta, sender: withDocumentedTypes(conversation.meta.sender) },
      },
      contact: withDocumentedTypes(input.contact),
      messages: oldestFirst(input.messages),
    }),
  );
}

/** Which conversation a payload is for; the bridge never posts it to another conversation's frame. */
export function conversationKey(accountId: number, displayId: number): string {
  return `${accountId}/${displayId}`;
}
