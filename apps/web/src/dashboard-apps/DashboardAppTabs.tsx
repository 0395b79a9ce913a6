import type { Conversation, DashboardApp } from '@bevatel/protocol';
import { useRef, useState, type KeyboardEvent, type ReactNode } from 'react';
import { useCurrentAccount } from '../modules/conversations/hooks';
import { useDashboardApps } from '../modules/dashboard-apps-settings/queries';
import { AppPanel } from './AppPanel';
import { conversationKey } from './context/payload';
import { useHostT } from './i18n';
import './dashboard-apps.css';

const MESSAGES = 'messages';
const NO_APPS: DashboardApp[] = [];

type TabKey = typeof MESSAGES | `app-${number}`;

const appTab = (app: DashboardApp): TabKey => `app-${app.id}`;

export interface DashboardAppTabsProps {
  conversation: Conversation;
  messagesPanel: ReactNode;
}

/**
 * The conversation's views: Messages, then one tab per dashboard app of the account. An app's
 * frames are created the first time its tab opens in this conversation and then stay mounted,
 * hidden, while the agent switches tabs (no reload); another conversation starts from scratch
 * (keyed below), with Messages selected and fresh frames, so nothing of the previous customer
 * stays in any app.
 */
export function DashboardAppTabs({ conversation, messagesPanel }: DashboardAppTabsProps) {
  const key = conversationKey(conversation.account_id, conversation.id);
  return <ConversationViews key={key} conversation={conversation} messagesPanel={messagesPanel} />;
}

function ConversationViews({ conversation, messagesPanel }: DashboardAppTabsProps) {
  const { t } = useHostT();
  const account = useCurrentAccount();
  const { data } = useDashboardApps(account.id);
  const apps = data ?? NO_APPS;
  const [selected, setSelected] = useState<TabKey>(MESSAGES);
  const [opened, setOpened] = useState<ReadonlySet<number>>(() => new Set());
  // Manual activation: arrows move focus, Enter/Space open. Opening loads an app, so merely
  // passing over a tab with the keyboard must not.
  const [focused, setFocused] = useState<TabKey | null>(null);
  const tabRefs = useRef(new Map<TabKey, HTMLButtonElement>());

  const tabs: { key: TabKey; label: string; app: DashboardApp | null }[] = [
    { key: MESSAGES, label: t('messages'), app: null },
    ...apps.map((app) => ({ key: appTab(app), label: app.title, app })),
  ];
  // An app removed while its tab was open: back to Messages.
  const current = tabs.some((tab) => tab.key === selected) ? selected : MESSAGES;
  const tabStop = focused !== null && tabs.some((tab) => tab.key === focused) ? focused : current;
  const idBase = `conversation-${conversation.id}-view`;

  const select = (tab: (typeof tabs)[number]) => {
    setSelected(tab.key);
    setFocused(tab.key);
    if (tab.app && !opened.has(tab.app.id)) setOpened(new Set(opened).add(tab.app.id));
  };

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const index = tabs.findIndex((tab) => tab.key === tabStop);
    const rtl = getComputedStyle(event.currentTarget).direction === 'rtl';
    let next = -1;
    if (event.key === (rtl ? 'ArrowLeft' : 'ArrowRight')) next = (index + 1) % tabs.length;
    else if (event.key === (rtl ? 'ArrowRight' : 'ArrowLeft')) {
      next = (index - 1 + tabs.length) % tabs.length;
    } else if (event.key === 'Home') next = 0;
    else if (event.key === 'End') next = tabs.length - 1;
    if (next < 0) return;
    event.preventDefault();
    const tab = tabs[next];
    if (!tab) return;
    setFocused(tab.key);
    tabRefs.current.get(tab.key)?.focus();
  };

  return (
    <div className="dapp-views">
      <div role="tablist" aria-label={t('tablist')} className="dapp-tabs" onKeyDown={onKeyDown}>
        {tabs.map((tab) => (
          <button
            key={tab.key}
            ref={(element) => {
              if (element) tabRefs.current.set(tab.key, element);
              else tabRefs.current.delete(tab.key);
            }}
            type="button"
            role="tab"
            id={`${idBase}-tab-${tab.key}`}
            aria-controls={`${idBase}-panel-${tab.key}`}
            aria-selected={tab.key === current}
            tabIndex={tab.key === tabStop ? 0 : -1}
            className="dapp-tab"
            title={tab.label}
            onClick={() => select(tab)}
            onFocus={() => setFocused(tab.key)}
          >
            <span className="dapp-tab-label" dir="auto">
              {tab.label}
            </span>
          </button>
        ))}
      </div>
      {tabs.map((tab) => (
        <div
          key={tab.key}
          role="tabpanel"
          id={`${idBase}-panel-${tab.key}`}
          aria-labelledby={`${idBase}-tab-${tab.key}`}
          className={tab.app ? 'dapp-panel dapp-panel-app' : 'dapp-panel dapp-panel-messages'}
          hidden={tab.key !== current}
        >
          {tab.app === null ? (
            messagesPanel
          ) : opened.has(tab.app.id) ? (
            <AppPanel app={tab.app} conversation={conversation} />
          ) : null}
        </div>
      ))}
    </div>
  );
}
