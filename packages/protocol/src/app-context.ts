/** The appContext message of the product document, plus PROTOCOL.md's additive fields. */
import type { Locale, TextDirection, Theme } from './enums';
import type { Contact, Conversation, Message } from './entities';
import { APP_CONTEXT_EVENT } from './keys';

/** The conversation as the dashboard holds it: the REST shape plus its loading state. */
export interface AppContextConversation extends Conversation {
  messages: Message[];
  /** Whether `messages` holds the whole history. */
  allMessagesLoaded: boolean;
  /** Whether the conversation's messages were fetched at all. */
  dataFetched: boolean;
}

export interface CurrentAgent {
  id: number;
  name: string;
  email: string;
}

export interface AppContextData {
  conversation: AppContextConversation;
  contact: Contact;
  currentAgent: CurrentAgent;
  locale: Locale;
  dir: TextDirection;
  theme: Theme;
  account: { id: number; name: string };
  /** Signed context (a JWT minted by the server) for apps that have a signing secret. */
  token?: string;
}

export interface AppContextEvent {
  event: typeof APP_CONTEXT_EVENT;
  data: AppContextData;
}

export interface AppContextInput {
  conversation: Conversation;
  /** Messages the dashboard has loaded, oldest first. */
  messages: Message[];
  allMessagesLoaded: boolean;
  contact: Contact;
  currentAgent: CurrentAgent;
  locale: Locale;
  theme: Theme;
  account: { id: number; name: string };
  token?: string;
}

/** Builds the payload from the same presented entities the REST API returns. */
export function buildAppContext(input: AppContextInput): AppContextEvent {
  const data: AppContextData = {
    conversation: {
      ...input.conversation,
      messages: input.messages,
      allMessagesLoaded: input.allMessagesLoaded,
      dataFetched: true,
    },
    contact: input.contact,
    currentAgent: {
      id: input.currentAgent.id,
      name: input.currentAgent.name,
      email: input.currentAgent.email,
    },
    locale: input.locale,
    dir: input.locale === 'ar' ? 'rtl' : 'ltr',
    theme: input.theme,
    account: { id: input.account.id, name: input.account.name },
  };
  if (input.token) data.token = input.token;
  return { event: APP_CONTEXT_EVENT, data };
}

/** What is posted to the frame: a JSON string, as the document's listener expects. */
export function serializeAppContext(event: AppContextEvent): string {
  return JSON.stringify(event);
}
