import type { Conversation, DashboardApp } from '@bevatel/protocol';
import { useMemo, useState } from 'react';
import { useCurrentAgent } from '../modules/conversations/hooks';
import { usePreferences } from '../modules/preferences/preferences';
import { AppPanel } from './AppPanel';
import { conversationKey } from './context/payload';
import { useHostT } from './i18n';
import { appModal } from './level2/modal-store';
import type { FrameActions } from './level2/useLevel2Delegate';
import { appTitle, usePlacedApps } from './placed-apps';

const STORAGE_KEY = 'bevatel:sidebar-apps';

/** Which sidebar apps an agent closed, per agent, remembered in this browser. */
function readClosed(agentId: number): Set<number> {
  try {
    const all = JSON.parse(localStorage.getItem(STORAGE_KEY) ?? '{}') as Record<string, unknown>;
    const ids = all[String(agentId)];
    return new Set(
      Array.isArray(ids) ? ids.filter((id): id is number => Number.isInteger(id)) : [],
    );
  } catch {
    return new Set();
  }
}

function writeClosed(agentId: number, closed: ReadonlySet<number>): void {
  try {
    const all = JSON.parse(localStorage.getItem(STORAGE_KEY) ?? '{}') as Record<string, unknown>;
    all[String(agentId)] = [...closed];
    localStorage.setItem(STORAGE_KEY, JSON.stringify(all));
  } catch {
    // Storage full or refused: the state just is not remembered.
  }
}

export const useSidebarApps = (conversation: Conversation) =>
  usePlacedApps('conversation.sidebar', conversation.inbox_id);

/**
 * Apps placed in the sidebar, beside the thread and the composer (in the contact panel's
 * column; a sheet on narrow screens): one collapsible section each, stacked in the account's
 * order, each frame resizable in height. Which are open is remembered per agent.
 */
export function SidebarApps({ conversation }: { conversation: Conversation }) {
  const { t } = useHostT();
  const { locale } = usePreferences();
  const agent = useCurrentAgent();
  const apps = useSidebarApps(conversation);
  const [closed, setClosed] = useState(() => readClosed(agent.id));
  const key = conversationKey(conversation.account_id, conversation.id);
  const actions = useMemo(
    () =>
      new Map<number, FrameActions>(
        apps.map((app: DashboardApp) => [
          app.id,
          {
            openModal: (request) => appModal.open({ ...request, app, conversationKey: key }),
            closeModal: () => appModal.close(app.id),
          },
        ]),
      ),
    [apps, key],
  );
  if (apps.length === 0) return null;
  const toggle = (id: number) => {
    const next = new Set(closed);
    if (next.has(id)) next.delete(id);
    else next.add(id);
    setClosed(next);
    writeClosed(agent.id, next);
  };
  return (
    <div className="dapp-sidebar" role="region" aria-label={t('sidebar')}>
      {apps.map((app) => {
        const open = !closed.has(app.id);
        const title = appTitle(app, locale);
        const panelId = `sidebar-app-${app.id}`;
        return (
          <section key={app.id} className="dapp-sidebar-app" data-open={open || undefined}>
            <h3 className="dapp-sidebar-heading">
              <button
                type="button"
                className="dapp-sidebar-toggle"
                aria-expanded={open}
                aria-controls={panelId}
                onClick={() => toggle(app.id)}
              >
                <span aria-hidden="true" className="dapp-sidebar-chevron" />
                <span dir="auto">{title}</span>
              </button>
            </h3>
            <div id={panelId} className="dapp-sidebar-body" hidden={!open}>
              {open ? (
                <AppPanel
                  app={{ ...app, title }}
                  conversation={conversation}
                  active={open}
                  actions={actions.get(app.id) ?? { closeModal: () => false }}
                  location="conversation.sidebar"
                />
              ) : null}
            </div>
          </section>
        );
      })}
    </div>
  );
}

/**
 * On narrow screens (no contact column) and phones: a button beside the thread opens the
 * sidebar apps as a sheet from the bottom edge. Not a modal dialog: the agent keeps reading
 * and typing in the conversation above it, and the frames (drawn by the stage) stay on top.
 */
export function SidebarAppsSheet({ conversation }: { conversation: Conversation }) {
  const { t } = useHostT();
  const apps = useSidebarApps(conversation);
  const [open, setOpen] = useState(false);
  if (apps.length === 0) return null;
  return (
    <>
      <button
        type="button"
        className="button dapp-sheet-toggle"
        aria-expanded={open}
        aria-controls="sidebar-apps-sheet"
        onClick={() => setOpen((value) => !value)}
      >
        {open ? t('hideSidebarApps') : t('showSidebarApps', { count: apps.length })}
      </button>
      <div id="sidebar-apps-sheet" className="dapp-app-sheet" hidden={!open}>
        {open ? <SidebarApps conversation={conversation} /> : null}
      </div>
    </>
  );
}
