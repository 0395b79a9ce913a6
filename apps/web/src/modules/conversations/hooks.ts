/**
 * The dashboard's state as the Dashboard Apps host reads it. Stable names: the host
 * (src/dashboard-apps/) imports only from here. Every hook reads react-query caches that
 * realtime events keep current, so a component using them re-renders (and can re-post the
 * context) whenever the conversation, its messages or its contact change.
 */
import {
  APP_CONVERSATION_HEADER,
  APP_ID_HEADER,
  type AppContextInput,
  type Contact,
  type Conversation,
  type CurrentAgent,
  type Locale,
  type Message,
  type Theme,
} from '@bevatel/protocol';
import { useQueryClient } from '@tanstack/react-query';
import { useCallback, useMemo } from 'react';
import type { ApiClient } from '../../lib/api';
import { useApi } from '../../lib/api-context';
import { useContactQuery } from '../contacts/queries';
import { usePreferences } from '../preferences/preferences';
import { useAccount } from '../session/account';
import { useProfile } from '../session/session';
import {
  createConversationCommands,
  type CommandTarget,
  type ConversationCommands,
} from './commands';
import { confirmedMessages } from './messages-state';
import { useConversationQuery, useMessagesQuery } from './queries';

export type { CommandTarget, ConversationCommands } from './commands';
export {
  checkBeforeSend,
  insertIntoComposer,
  registerSendGuard,
  type SendObjection,
} from './composer-bridge';
import { useAttributeDefinitions } from '../custom-attributes/queries';

export interface ConversationState {
  /** The presented conversation (REST shape); undefined until loaded. */
  conversation: Conversation | undefined;
  isLoading: boolean;
  error: unknown;
}

/** The conversation by its display id, as the REST API and realtime events present it. */
export function useConversation(accountId: number, displayId: number): ConversationState {
  const query = useConversationQuery(accountId, displayId);
  return { conversation: query.data, isLoading: query.isLoading, error: query.error };
}

export interface ConversationMessages {
  /** Messages the dashboard has loaded, oldest first; only those the server confirmed. */
  messages: Message[];
  /** Whether `messages` is the whole history. */
  allMessagesLoaded: boolean;
  /** Whether the messages were fetched at all. */
  dataFetched: boolean;
}

const NO_MESSAGES: Message[] = [];

export function useConversationMessages(
  accountId: number,
  displayId: number,
): ConversationMessages {
  const { data, isSuccess } = useMessagesQuery(accountId, displayId);
  const messages = useMemo(() => (data ? confirmedMessages(data) : NO_MESSAGES), [data]);
  return { messages, allMessagesLoaded: data?.allLoaded ?? false, dataFetched: isSuccess };
}

export interface ContactState {
  /** The full contact (GET contacts/:id), only once fetched: never the list's partial copy. */
  contact: Contact | undefined;
  isLoaded: boolean;
  error: unknown;
}

export function useContact(accountId: number, contactId: number): ContactState {
  const query = useContactQuery(accountId, contactId);
  return { contact: query.data, isLoaded: query.isSuccess, error: query.error };
}

/** The signed-in agent as the appContext's `currentAgent`. */
export function useCurrentAgent(): CurrentAgent {
  const profile = useProfile();
  return useMemo(
    () => ({ id: profile.id, name: profile.name, email: profile.email }),
    [profile.id, profile.name, profile.email],
  );
}

export function useLocale(): Locale {
  return usePreferences().locale;
}

export function useTheme(): Theme {
  return usePreferences().theme;
}

/** The account in the URL. */
export function useCurrentAccount(): { id: number; name: string } {
  const account = useAccount();
  return useMemo(() => ({ id: account.id, name: account.name }), [account.id, account.name]);
}

/** The API client (session cookie + CSRF header on writes). */
export function useApiClient(): ApiClient {
  return useApi();
}

/**
 * Everything `buildAppContext` needs for the conversation `displayId`, or null until the
 * conversation, its messages and its contact are all loaded (the document says contact is
 * never `{}`). `placeholder` (the list row) stands in until the conversation is fetched.
 * Memoised: a new object only when one of its parts changed.
 */
export function useAppContextInput(
  accountId: number,
  displayId: number,
  placeholder?: Conversation,
): AppContextInput | null {
  const { conversation: fresh } = useConversation(accountId, displayId);
  const current = fresh ?? (placeholder?.id === displayId ? placeholder : undefined);
  const { messages, allMessagesLoaded, dataFetched } = useConversationMessages(
    accountId,
    displayId,
  );
  const { contact, isLoaded } = useContact(accountId, current?.meta.sender.id ?? 0);
  const currentAgent = useCurrentAgent();
  const { locale, theme } = usePreferences();
  const account = useCurrentAccount();
  // Waited for (a small, cached list), so the first context already carries them.
  const definitions = useAttributeDefinitions(accountId);
  const customAttributeDefinitions = definitions.data;
  const definitionsSettled = !definitions.isPending;
  return useMemo(() => {
    if (!current || !dataFetched || !isLoaded || !contact || !definitionsSettled) return null;
    return {
      conversation: current,
      messages,
      allMessagesLoaded,
      contact,
      currentAgent,
      locale,
      theme,
      account,
      ...(customAttributeDefinitions ? { customAttributeDefinitions } : {}),
    };
  }, [
    current,
    definitionsSettled,
    customAttributeDefinitions,
    messages,
    allMessagesLoaded,
    dataFetched,
    contact,
    isLoaded,
    currentAgent,
    locale,
    theme,
    account,
  ]);
}

/**
 * The conversation writes of the dashboard's own buttons, for a dashboard app: each request
 * carries the app's id and the conversation it acts in, so the server checks the app's
 * permission too and names the app in the activity line and the audit log.
 */
export function useAppCommands(appId: number): (target: CommandTarget) => ConversationCommands {
  const api = useApi();
  const queryClient = useQueryClient();
  const meId = useProfile().id;
  return useCallback(
    (target: CommandTarget) =>
      createConversationCommands(
        api.withHeaders({
          [APP_ID_HEADER]: String(appId),
          [APP_CONVERSATION_HEADER]: String(target.displayId),
        }),
        queryClient,
        meId,
      ),
    [api, queryClient, meId, appId],
  );
}
