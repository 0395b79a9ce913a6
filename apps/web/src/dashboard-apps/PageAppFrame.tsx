import { queryKeys } from '../lib/query-keys';
import {
  APP_CONTEXT_EVENT,
  fillUrlTemplate,
  plainAppSettings,
  type AppPageContextData,
  type PageAppLocation,
  type Contact,
  type Conversation,
  type DashboardApp,
} from '@bevatel/protocol';
import { useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import { useApiClient, useCurrentAccount, useCurrentAgent } from '../modules/conversations/hooks';
import { usePreferences } from '../modules/preferences/preferences';
import { AppFrame } from './AppFrame';
import type { FrameContext } from './bridge/host-bridge';
import { useHostT } from './i18n';
import { tokenRefreshDelay } from './token/refresh';
import { useAttributeDefinitions } from '../modules/custom-attributes/queries';

/** Where an app is shown without a conversation. */
export type PageLocation = PageAppLocation;

/** What the page shows: a contact and their conversations, or nothing in particular. */
export interface PageSubject {
  contact: Contact | null;
  conversations: Conversation[] | null;
}

/** The signed context for a page location (the server checks the app appears there). */
function usePageToken(app: DashboardApp, location: PageLocation, contactId: number | null) {
  const api = useApiClient();
  const account = useCurrentAccount();
  const query = useQuery({
    queryKey: queryKeys.contextToken(account.id, app.id, { location, contactId }),
    queryFn: async () => {
      const body = await api.post(
        api.account(account.id, `dashboard_apps/${app.id}/context_token`),
        location === 'contact.page' ? { contact_id: contactId } : { location },
      );
      return { ...body, receivedAt: Date.now() };
    },
    enabled: app.has_secret,
    refetchInterval: (q) => (q.state.data ? tokenRefreshDelay(q.state.data) : false),
    refetchIntervalInBackground: true,
    gcTime: 0,
    retry: 2,
  });
  return {
    token: query.data?.token,
    settled: !app.has_secret || query.data !== undefined || query.isError,
  };
}

/**
 * An app on the contact page or as a page of its own. Level 1's appContext still goes to it on
 * every load and fetch-info, with `data.conversation` null (there is none here), the contact
 * (null on the full page), the contact's conversations, the agent and the account.
 */
export function PageAppFrame({
  app,
  location,
  subject,
  title,
}: {
  app: DashboardApp;
  location: PageLocation;
  subject: PageSubject;
  title: string;
}) {
  const { t } = useHostT();
  const agent = useCurrentAgent();
  const account = useCurrentAccount();
  const { locale, theme } = usePreferences();
  const { token, settled } = usePageToken(app, location, subject.contact?.id ?? null);
  const key = `${location}:${subject.contact?.id ?? account.id}`;
  const definitions = useAttributeDefinitions(account.id).data;
  const context = useMemo<FrameContext | null>(() => {
    if (!settled) return null;
    const data: AppPageContextData = {
      conversation: null,
      contact: subject.contact,
      conversations: subject.conversations ?? [],
      currentAgent: { id: agent.id, name: agent.name, email: agent.email },
      locale,
      dir: locale === 'ar' ? 'rtl' : 'ltr',
      theme,
      account,
      location,
      settings: plainAppSettings(app.settings),
      ...(token ? { token } : {}),
      ...(definitions ? { customAttributeDefinitions: definitions } : {}),
    };
    return { conversationKey: key, payload: JSON.stringify({ event: APP_CONTEXT_EVENT, data }) };
  }, [
    settled,
    subject,
    agent,
    locale,
    theme,
    account,
    location,
    app.settings,
    token,
    key,
    definitions,
  ]);
  const frames = app.content.filter((item) => item.type === 'frame');
  if (frames.length === 0) return <p className="dapp-frame-state">{t('noFrames', { title })}</p>;
  const source = { conversation: null, contact: subject.contact, agent, account, locale };
  return (
    <div className="dapp-frames dapp-page-frames">
      {frames.map((frame, index) => {
        const url = fillUrlTemplate(frame.url, source);
        return (
          <AppFrame
            key={`${index}:${url}`}
            app={{ ...app, title }}
            url={url}
            conversationKey={key}
            context={context}
            active
            location={location}
            actions={{ closeModal: () => false }}
          />
        );
      })}
    </div>
  );
}
