import {
  buildAppContext,
  serializeAppContext,
  type AppContextInput,
  type Message,
} from '@bevatel/protocol';

/** Oldest first, as the document's `messages` are; the dashboard may hold pages in any order. */
function oldestFirst(messages: readonly Message[]): Message[] {
  return [...messages].sort((a, b) => a.created_at - b.created_at || a.id - b.id);
}

/**
 * The context without private notes, for an app the admin did not grant `notes:read`: gone from
 * the messages, from the conversation's own message list and as its last message.
 */
export function withoutPrivateNotes(input: AppContextInput): AppContextInput {
  const isPublic = (message: Message) => !message.private;
  const { conversation } = input;
  const last = conversation.last_non_activity_message;
  return {
    ...input,
    messages: input.messages.filter(isPublic),
    conversation: {
      ...conversation,
      messages: conversation.messages.filter(isPublic),
      last_non_activity_message: last && !last.private ? last : null,
    },
  };
}

/**
 * The one place the appContext string is made (PROTOCOL.md level 1), from the same presented
 * entities the dashboard shows: `useAppContextPayload` feeds it, nothing else builds payloads.
 */
export function appContextPayload(input: AppContextInput): string {
  return serializeAppContext(buildAppContext({ ...input, messages: oldestFirst(input.messages) }));
}

/** Which conversation a payload is for; the bridge never posts it to another conversation's frame. */
export function conversationKey(accountId: number, displayId: number): string {
  return `${accountId}/${displayId}`;
}
