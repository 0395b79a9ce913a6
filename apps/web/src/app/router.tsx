import { createBrowserRouter, Navigate, type RouteObject } from 'react-router';
import { AccountLayout } from './AccountLayout';
import { lazyNamed } from './lazy';
import { NotFoundPage } from './NotFoundPage';
import { RootRedirect } from './RootRedirect';
import { RouteError } from './RouteError';

// Pages load on demand: the first paint needs only the shell.
const LoginPage = lazyNamed(() => import('../modules/session/LoginPage'), 'LoginPage');
const ConversationsLayout = lazyNamed(
  () => import('../modules/conversations/ConversationsLayout'),
  'ConversationsLayout',
);
const NoConversationSelected = lazyNamed(
  () => import('../modules/conversations/ConversationsLayout'),
  'NoConversationSelected',
);
const ConversationPage = lazyNamed(
  () => import('../modules/conversations/ConversationPage'),
  'ConversationPage',
);
const ContactsPage = lazyNamed(() => import('../modules/contacts/ContactsPage'), 'ContactsPage');
const ContactPage = lazyNamed(() => import('../modules/contacts/ContactPage'), 'ContactPage');
const SettingsLayout = lazyNamed(
  () => import('../modules/settings/SettingsLayout'),
  'SettingsLayout',
);
const AgentsSettingsPage = lazyNamed(
  () => import('../modules/settings/AgentsSettingsPage'),
  'AgentsSettingsPage',
);
const InboxesSettingsPage = lazyNamed(
  () => import('../modules/settings/InboxesSettingsPage'),
  'InboxesSettingsPage',
);
const TeamsSettingsPage = lazyNamed(
  () => import('../modules/settings/TeamsSettingsPage'),
  'TeamsSettingsPage',
);
const LabelsSettingsPage = lazyNamed(
  () => import('../modules/settings/LabelsSettingsPage'),
  'LabelsSettingsPage',
);
const IntegrationsPage = lazyNamed(
  () => import('../modules/settings/IntegrationsPage'),
  'IntegrationsPage',
);
const DashboardAppsSettingsPage = lazyNamed(
  () => import('../modules/dashboard-apps-settings/DashboardAppsSettingsPage'),
  'DashboardAppsSettingsPage',
);

export const routes: RouteObject[] = [
  {
    errorElement: <RouteError />,
    children: [
      { path: '/', element: <RootRedirect /> },
      { path: '/app', element: <RootRedirect /> },
      { path: '/app/login', element: <LoginPage /> },
      {
        path: '/app/accounts/:accountId',
        element: <AccountLayout />,
        children: [
          { index: true, element: <Navigate to="conversations" replace /> },
          {
            path: 'conversations',
            element: <ConversationsLayout />,
            children: [
              { index: true, element: <NoConversationSelected /> },
              { path: ':conversationId', element: <ConversationPage /> },
            ],
          },
          { path: 'contacts', element: <ContactsPage /> },
          { path: 'contacts/:contactId', element: <ContactPage /> },
          {
            path: 'settings',
            element: <SettingsLayout />,
            children: [
              { index: true, element: <Navigate to="agents" replace /> },
              { path: 'agents', element: <AgentsSettingsPage /> },
              { path: 'inboxes', element: <InboxesSettingsPage /> },
              { path: 'teams', element: <TeamsSettingsPage /> },
              { path: 'labels', element: <LabelsSettingsPage /> },
              { path: 'integrations', element: <IntegrationsPage /> },
              { path: 'integrations/dashboard_apps', element: <DashboardAppsSettingsPage /> },
            ],
          },
          { path: '*', element: <NotFoundPage /> },
        ],
      },
      { path: '*', element: <NotFoundPage /> },
    ],
  },
];

export function createRouter() {
  return createBrowserRouter(routes);
}
