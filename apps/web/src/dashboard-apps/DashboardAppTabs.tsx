import type { Conversation, DashboardApp } from '@bevatel/protocol';
import {
  useEffect,
  useMemo,
  useRef,
  useState,
  useSyncExternalStore,
  type KeyboardEvent,
  type ReactNode,
} from 'react';
import { useCurrentAccount, useCurrentAgent } from '../modules/conversations/hooks';
import { usePreferences } from '../modules/preferences/preferences';
import { AppModal } from './AppModal';
import { AppPanel } from './AppPanel';
import { appIdOfView, useChosenView, type ViewKey } from './chosen-view';
import { conversationKey } from './context/payload';
import { useHostT } from './i18n';
import { appTitle, usePlacedApps } from './placed-apps';
import { appModal } from './level2/modal-store';
import { useStageView } from './stage/AppSlot';
import type { FrameActions } from './level2/useLevel2Delegate';
import './dashboard-apps.css';

const MESSAGES = 'messages';

type TabKey = ViewKey;

const appTab = (app: DashboardApp): TabKey => `app-${app.id}`;

export interface DashboardAppTabsProps {
  conversation: Conversation;
  messagesPanel: ReactNode;
}

/**
 * The conversation's views: Messages, then one tab per dashboard app placed as a tab. An app's
 * frames are created the first time its tab opens in this conversation and then stay mounted,
 * hidden, while the agent switches tabs (no reload); another conversation starts from scratch
 * (keyed below) with fresh frames, so nothing of the previous customer stays in any app, on the
 * tab the agent chose last (chosen-view.ts).
 */
export function DashboardAppTabs({ conversation, messagesPanel }: DashboardAppTabsProps) {
  const key = conversationKey(conversation.account_id, conversation.id);
  return <ConversationViews key={key} conversation={conversation} messagesPanel={messagesPanel} />;
}

/** What a frame in a tab may do to the dialog: open one, close its own app's. */
function tabActions(app: DashboardApp, conversationKey: string): FrameActions {
  return {
    openModal: (request) => appModal.open({ ...request, app, conversationKey }),
    closeModal: () => appModal.close(app.id),
  };
}

function ConversationViews({ conversation, messagesPanel }: DashboardAppTabsProps) {
  const { t } = useHostT();
  const key = conversationKey(conversation.account_id, conversation.id);
  useStageView(conversation.account_id, conversation.id);
  const account = useCurrentAccount();
  const { locale } = usePreferences();
  // The enabled apps placed as tabs, shown for this conversation's inbox, in the account order.
  const apps = usePlacedApps('conversation.tab', conversation.inbox_id);
  const agent = useCurrentAgent();
  const [selected, setSelected] = useChosenView(account.id, agent.id);
  const [opened, setOpened] = useState<ReadonlySet<number>>(() => {
    const chosenApp = appIdOfView(selected);
    return new Set(chosenApp === null ? [] : [chosenApp]);
  });
  // Manual activation: arrows move focus, Enter/Space open. Opening loads an app, so merely
  // passing over a tab with the keyboard must not.
  const [focused, setFocused] = useState<TabKey | null>(null);
  const tabRefs = useRef(new Map<TabKey, HTMLButtonElement>());
  // One app dialog at a time (ui.modal.open), for this conversation only.
  const modal = useSyncExternalStore(appModal.subscribe, appModal.current, appModal.current);
  useEffect(() => () => void appModal.close(), []);
  const actionsByApp = useMemo(
    () => new Map(apps.map((app) => [app.id, tabActions(app, key)])),
    [apps, key],
  );
  const actionsOf = (app: DashboardApp): FrameActions =>
    actionsByApp.get(app.id) ?? tabActions(app, key);

  const tabs: { key: TabKey; label: string; app: DashboardApp | null }[] = [
    { key: MESSAGES, label: t('messages'), app: null },
    ...apps.map((app) => ({ key: appTab(app), label: appTitle(app, locale), app })),
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
            <AppPanel
              app={tab.app}
              conversation={conversation}
              active={tab.key === current}
              actions={actionsOf(tab.app)}
            />
          ) : null}
        </div>
      ))}
      {modal && modal.conversationKey === key ? (
        <AppModal key={`${modal.app.id}:${modal.url}`} modal={modal} conversation={conversation} />
      ) : null}
    </div>
  );
}
