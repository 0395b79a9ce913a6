import { createBrowserRouter, Navigate, type RouteObject } from 'react-router';
import { AccountLayout } from './AccountLayout';
import { lazyNamed } from './lazy';
import { NotFoundPage } from './NotFoundPage';
import { RootRedirect } from './RootRedirect';
import { RouteError } from './RouteError';

// Pages load on demand: the first paint needs only the shell.
const LoginPage = lazyNamed(() => import('../modules/session/LoginPage'), 'LoginPage');
const InvitationPage = lazyNamed(
  () => import('../modules/invitations/InvitationPage'),
  'InvitationPage',
);
const ForgotPasswordPage = lazyNamed(
  () => import('../modules/password-resets/ForgotPasswordPage'),
  'ForgotPasswordPage',
);
const ResetPasswordPage = lazyNamed(
  () => import('../modules/password-resets/ResetPasswordPage'),
  'ResetPasswordPage',
);
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
const ProfilePage = lazyNamed(() => import('../modules/profile/ProfilePage'), 'ProfilePage');
const ContactPage = lazyNamed(() => import('../modules/contacts/ContactPage'), 'ContactPage');
const SettingsLayout = lazyNamed(
  () => import('../modules/settings/SettingsLayout'),
  'SettingsLayout',
);
const AgentsSettingsPage = lazyNamed(
  () => import('../modules/settings/AgentsSettingsPage'),
  'AgentsSettingsPage',
);
const WebWidgetSettingsPage = lazyNamed(
  () => import('../modules/settings/WebWidgetSettingsPage'),
  'WebWidgetSettingsPage',
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
const CannedResponsesSettingsPage = lazyNamed(
  () => import('../modules/canned-responses/CannedResponsesSettingsPage'),
  'CannedResponsesSettingsPage',
);
const CustomAttributesSettingsPage = lazyNamed(
  () => import('../modules/custom-attributes/CustomAttributesSettingsPage'),
  'CustomAttributesSettingsPage',
);
const IntegrationsPage = lazyNamed(
  () => import('../modules/settings/IntegrationsPage'),
  'IntegrationsPage',
);
const WebhooksSettingsPage = lazyNamed(
  () => import('../modules/webhooks-settings/WebhooksSettingsPage'),
  'WebhooksSettingsPage',
);
const DeliveryLogPage = lazyNamed(
  () => import('../modules/webhooks-settings/DeliveryLogPage'),
  'DeliveryLogPage',
);
const AppPage = lazyNamed(() => import('../dashboard-apps/AppPage'), 'AppPage');
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
      { path: '/app/invitations/:token', element: <InvitationPage /> },
      { path: '/app/forgot-password', element: <ForgotPasswordPage /> },
      { path: '/app/reset-password/:token', element: <ResetPasswordPage /> },
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
          // Chatwoot's deep link.
          { path: 'profile/settings', element: <ProfilePage /> },
          { path: 'contacts/:contactId', element: <ContactPage /> },
          { path: 'apps/:appId', element: <AppPage /> },
          {
            path: 'settings',
            element: <SettingsLayout />,
            children: [
              { index: true, element: <Navigate to="agents" replace /> },
              { path: 'agents', element: <AgentsSettingsPage /> },
              { path: 'inboxes', element: <InboxesSettingsPage /> },
              { path: 'inboxes/:inboxId/widget', element: <WebWidgetSettingsPage /> },
              { path: 'teams', element: <TeamsSettingsPage /> },
              { path: 'labels', element: <LabelsSettingsPage /> },
              // Chatwoot's deep links.
              { path: 'canned-response/list', element: <CannedResponsesSettingsPage /> },
              { path: 'canned-response', element: <Navigate to="list" replace /> },
              { path: 'custom-attributes/list', element: <CustomAttributesSettingsPage /> },
              { path: 'custom-attributes', element: <Navigate to="list" replace /> },
              { path: 'integrations', element: <IntegrationsPage /> },
              { path: 'integrations/dashboard_apps', element: <DashboardAppsSettingsPage /> },
              // Chatwoot's deep link for account webhooks.
              { path: 'integrations/webhook', element: <WebhooksSettingsPage /> },
              { path: 'integrations/webhook/:webhookId', element: <DeliveryLogPage /> },
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
