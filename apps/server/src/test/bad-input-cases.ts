/**
 * Registry of the bad-input suite, run by bad-input.test.ts. To cover your routes, write
 * `modules/<x>/bad-input.cases.ts` (see test/bad-input.ts: `standardBadInputs(spec)` derives
 * the usual variants from one valid request), add it below, and drop your routes from
 * PENDING_BAD_INPUT_ROUTES.
 */
import { accountBadInputCases } from '../modules/accounts/bad-input.cases';
import { agentBadInputCases } from '../modules/agents/bad-input.cases';
import { attachmentBadInputCases } from '../modules/attachments/bad-input.cases';
import { contactBadInputCases } from '../modules/contacts/bad-input.cases';
import { dashboardAppBadInputCases } from '../modules/dashboard-apps/bad-input.cases';
import { conversationBadInputCases } from '../modules/conversations/bad-input.cases';
import { inboxBadInputCases } from '../modules/inboxes/bad-input.cases';
import { invitationBadInputCases } from '../modules/invitations/bad-input.cases';
import { passwordResetBadInputCases } from '../modules/password-resets/bad-input.cases';
import { integrationBadInputCases } from '../modules/integrations/bad-input.cases';
import { labelBadInputCases } from '../modules/labels/bad-input.cases';
import { messageBadInputCases } from '../modules/messages/bad-input.cases';
import { teamBadInputCases } from '../modules/teams/bad-input.cases';
import { searchBadInputCases } from '../modules/search/bad-input.cases';
import { webWidgetBadInputCases } from '../modules/web-widget/bad-input.cases';
import { webhookBadInputCases } from '../modules/webhooks/bad-input.cases';
import { cannedResponseBadInputCases } from '../modules/canned-responses/bad-input.cases';
import { notificationBadInputCases } from '../modules/notifications/bad-input.cases';
import { customAttributeBadInputCases } from '../modules/custom-attributes/bad-input.cases';
import { avatarBadInputCases } from '../modules/auth/avatar.bad-input.cases';
import { authBadInputCases } from './auth.bad-input.cases';
import { developerBadInputCases } from './developer.bad-input.cases';
import type { BadInputCase } from './bad-input';
import { ACCOUNT } from './routes';

export const BAD_INPUT_CASES: readonly BadInputCase[] = [
  ...authBadInputCases,
  ...avatarBadInputCases,
  ...accountBadInputCases,
  ...agentBadInputCases,
  ...invitationBadInputCases,
  ...passwordResetBadInputCases,
  ...inboxBadInputCases,
  ...teamBadInputCases,
  ...contactBadInputCases,
  ...labelBadInputCases,
  ...dashboardAppBadInputCases,
  ...integrationBadInputCases,
  ...conversationBadInputCases,
  ...messageBadInputCases,
  ...attachmentBadInputCases,
  ...searchBadInputCases,
  ...webWidgetBadInputCases,
  ...developerBadInputCases,
  ...cannedResponseBadInputCases,
  ...notificationBadInputCases,
  ...customAttributeBadInputCases,
  // Last: its webhooks would otherwise receive the deliveries of later cases' changes.
  ...webhookBadInputCases,
];

/** Routes that take no input at all (no params besides the account, no body, no query). */
export const INPUTLESS_ROUTES: readonly string[] = [
  'GET /health',
  'GET /ready',
  'GET /cable',
  'GET /ws',
  'DELETE /auth/sign_out',
  'GET /api/v1/profile',
  'DELETE /api/v1/profile/avatar',
  'GET /auth/session',
  'GET /docs/dashboard-apps',
  'GET /api/openapi.json',
  'GET /docs/api',
  'GET /docs/api/reference.js',
  'GET /api/v1/profile/invitations',
  'POST /api/v1/profile/reset_access_token',
  `GET ${ACCOUNT}/invitations`,
  `GET ${ACCOUNT}`,
  `GET ${ACCOUNT}/agents`,
  `GET ${ACCOUNT}/inboxes`,
  `GET ${ACCOUNT}/teams`,
  `GET ${ACCOUNT}/labels`,
  `GET ${ACCOUNT}/dashboard_apps`,
  `GET ${ACCOUNT}/dashboard_apps/url_rules`,
  `GET ${ACCOUNT}/integrations/apps`,
  `GET ${ACCOUNT}/webhooks`,
  `GET ${ACCOUNT}/notifications/unread_count`,
];

/** Route prefixes whose owners have not added bad-input cases yet: delete yours when you do. */
export const PENDING_BAD_INPUT_ROUTES: readonly string[] = [];
