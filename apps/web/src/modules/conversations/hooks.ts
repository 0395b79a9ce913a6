/**
 * The dashboard's state as the Dashboard Apps host reads it. Stable names: the host
 * (src/dashboard-apps/) imports only from here. Every hook reads react-query caches that
 * realtime events keep current, so a component using them re-renders (and can re-post the
 * context) whenever the conversation, its messages or its contact change.
 */
import type {
  AppContextInput,
  Contact,
  Conversation,
  CurrentAgent,
  Locale,
  Message,
  Theme,
} from '@bevatel/protocol';
import { useMemo } from 'react';
import type { ApiClient } from '../../lib/api';
import { useApi } from '../../lib/api-context';
import { useContactQuery } from '../contacts/queries';
import { usePreferences } from '../preferences/preferences';
import { useAccount } from '../session/account';
import { useProfile } from '../session/session';
import { confirmedMessages } from './messages-state';
import { useConversationQuery, useMessagesQuery } from './queries';

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
 * Everything `buildAppContext` needs for a conversation, or null until the conversation, its
 * messages and its contact are all loaded (the document says contact is never `{}`).
 * Memoised: a new object only when one of its parts changed.
 */
export function useAppContextInput(conversation: Conversation): AppContextInput | null {
  const accountId = conversation.account_id;
  const { conversation: fresh } = useConversation(accountId, conversation.id);
  const current = fresh ?? conversation;
  const { messages, allMessagesLoaded, dataFetched } = useConversationMessages(
    accountId,
    current.id,
  );
  const { contact, isLoaded } = useContact(accountId, current.meta.sender.id);
  const currentAgent = useCurrentAgent();
  const { locale, theme } = usePreferences();
  const account = useCurrentAccount();
  return useMemo(() => {
    if (!dataFetched || !isLoaded || !contact) return null;
    return {
      conversation: current,
      messages,
      allMessagesLoaded,
      contact,
      currentAgent,
      locale,
      theme,
      account,
    };
  }, [
    current,
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
