/** The appContext message of the product document, plus PROTOCOL.md's additive fields. */
import type { AppSettingValue } from './app-settings';
import type { CustomAttributeDefinition } from './custom-attributes';
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

/**
 * Why a context was sent (additive `data.reason`): the frame loaded, the app asked, or what
 * changed. `conversation.changed` only reaches level-2 apps that handle switches themselves.
 */
export const CONTEXT_REASONS = [
  'load',
  'fetch-info',
  'message.created',
  'conversation.updated',
  'contact.updated',
  'locale',
  'theme',
  'token.refreshed',
  'conversation.changed',
] as const;
export type ContextReason = (typeof CONTEXT_REASONS)[number];

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
  /** Why this context was sent (added by the host to each post). */
  reason?: ContextReason;
  /** Where the app is shown (`conversation.tab`, `conversation.sidebar`…). */
  location?: string;
  /** The app's plain per-install settings (secure ones never reach a browser). */
  settings?: Record<string, AppSettingValue>;
  /**
   * What the keys of `contact.custom_attributes` and `conversation.custom_attributes` mean
   * (additive): the account's definitions of both models, each with its display name and type.
   */
  customAttributeDefinitions?: CustomAttributeDefinition[];
}

export interface AppContextEvent {
  event: typeof APP_CONTEXT_EVENT;
  data: AppContextData;
}

/** The locations shown without a conversation beside them. */
export type PageAppLocation = 'contact.page' | 'navigation.page';

/**
 * The context on the contact page and the full-page app: no conversation (`null`, so an app
 * reading `conversation.id` fails loudly instead of reading another page's), the contact and
 * its conversations on the contact page, neither on the full page.
 */
export interface AppPageContextData extends Omit<
  AppContextData,
  'conversation' | 'contact' | 'location'
> {
  conversation: null;
  contact: Contact | null;
  conversations: Conversation[];
  location: PageAppLocation;
}

/** Any context a host posts: beside a conversation, or on a page of its own. */
export type AnyAppContextData = AppContextData | AppPageContextData;

export interface AnyAppContextEvent {
  event: typeof APP_CONTEXT_EVENT;
  data: AnyAppContextData;
}

export const isPageContext = (context: AnyAppContextData): context is AppPageContextData =>
  context.conversation === null;

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
  location?: string;
  settings?: Record<string, AppSettingValue>;
  customAttributeDefinitions?: CustomAttributeDefinition[];
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
  if (input.location) data.location = input.location;
  if (input.settings) data.settings = input.settings;
  if (input.customAttributeDefinitions) {
    data.customAttributeDefinitions = input.customAttributeDefinitions;
  }
  return { event: APP_CONTEXT_EVENT, data };
}

/** What is posted to the frame: a JSON string, as the document's listener expects. */
export function serializeAppContext(event: AppContextEvent): string {
  return JSON.stringify(event);
}

/**
 * The posted string with `data.reason` added, without serializing the payload again:
 * `serializeAppContext` always ends with the two braces that close `data` and the event.
 */
export function withContextReason(payload: string, reason: ContextReason): string {
  if (!payload.endsWith('}}')) return payload;
  const empty = payload.endsWith('{}}');
  return `${payload.slice(0, -2)}${empty ? '' : ','}"reason":${JSON.stringify(reason)}}}`;
}
