/**
 * What changed between two contexts of the same conversation: the one `data.reason` of the
 * post that carries the new one, and the level-2 events of that change. One change (an
 * incoming message brings the message, the conversation's new state and the agent's read
 * mark) gives one post, with the reason that matters most to an app.
 */
import type { AppContextInput, ContextReason, EventData, Message } from '@bevatel/protocol';

export interface ContextChange {
  reason: ContextReason;
  events: EventData[];
}

const ACTIVITY = 2;

/** Messages that arrived since: unknown before and newer than all known (older pages loaded
 * by scrolling up are not new). */
function newMessages(previous: readonly Message[], next: readonly Message[]): Message[] {
  const known = new Set(previous.map((message) => message.id));
  let newest = { at: Number.NEGATIVE_INFINITY, id: Number.NEGATIVE_INFINITY };
  for (const message of previous) {
    if (
      message.created_at > newest.at ||
      (message.created_at === newest.at && message.id > newest.id)
    ) {
      newest = { at: message.created_at, id: message.id };
    }
  }
  return next.filter(
    (message) =>
      !known.has(message.id) &&
      (message.created_at > newest.at ||
        (message.created_at === newest.at && message.id > newest.id)),
  );
}

/** Null when nothing an app can see changed. */
export function describeChange(
  previous: AppContextInput,
  next: AppContextInput,
): ContextChange | null {
  const events: EventData[] = [];
  const added =
    previous.messages === next.messages ? [] : newMessages(previous.messages, next.messages);
  const conversationChanged = previous.conversation !== next.conversation;
  const contactChanged = previous.contact !== next.contact;
  const localeChanged = previous.locale !== next.locale;
  const themeChanged = previous.theme !== next.theme;
  const tokenChanged = previous.token !== next.token;
  const messagesChanged = previous.messages !== next.messages;

  for (const message of added) events.push({ name: 'message.created', payload: { message } });
  if (conversationChanged) {
    events.push({ name: 'conversation.updated', payload: { conversation: next.conversation } });
  }
  if (contactChanged) events.push({ name: 'contact.updated', payload: { contact: next.contact } });
  if (localeChanged) {
    events.push({
      name: 'locale.changed',
      payload: { locale: next.locale, dir: next.locale === 'ar' ? 'rtl' : 'ltr' },
    });
  }
  if (themeChanged) events.push({ name: 'theme.changed', payload: { theme: next.theme } });

  // A status, label or assignee change writes an activity line too: that is an update of the
  // conversation, not a new message for the app's purposes.
  let reason: ContextReason | null = null;
  if (added.some((message) => message.message_type !== ACTIVITY)) reason = 'message.created';
  else if (conversationChanged || added.length > 0) reason = 'conversation.updated';
  else if (contactChanged) reason = 'contact.updated';
  else if (localeChanged) reason = 'locale';
  else if (themeChanged) reason = 'theme';
  else if (tokenChanged) reason = 'token.refreshed';
  else if (messagesChanged || previous.allMessagesLoaded !== next.allMessagesLoaded) {
    // Older pages loaded, or a message edited: the conversation as the app sees it changed.
    reason = 'conversation.updated';
  } else if (
    previous.currentAgent !== next.currentAgent ||
    previous.account !== next.account ||
    previous.customAttributeDefinitions !== next.customAttributeDefinitions
  ) {
    reason = 'conversation.updated';
  }
  return reason === null ? null : { reason, events };
}
