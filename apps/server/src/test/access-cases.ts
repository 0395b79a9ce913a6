/**
 * Registry of the access matrix: every module's cases, run by access-matrix.test.ts.
 * To cover your routes, write `modules/<x>/access.cases.ts` (see test/access.ts for the
 * shape and the `anyMember`/`adminsOnly`/… helpers), add it below, and remove your routes
 * from PENDING_ACCESS_ROUTES.
 */
import { accountAccessCases } from '../modules/accounts/access.cases';
import { agentAccessCases } from '../modules/agents/access.cases';
import { attachmentAccessCases } from '../modules/attachments/access.cases';
import { contactAccessCases } from '../modules/contacts/access.cases';
import { conversationAccessCases } from '../modules/conversations/access.cases';
import { dashboardAppAccessCases } from '../modules/dashboard-apps/access.cases';
import { inboxAccessCases } from '../modules/inboxes/access.cases';
import { invitationAccessCases } from '../modules/invitations/access.cases';
import { passwordResetAccessCases } from '../modules/password-resets/access.cases';
import { integrationAccessCases } from '../modules/integrations/access.cases';
import { labelAccessCases } from '../modules/labels/access.cases';
import { messageAccessCases } from '../modules/messages/access.cases';
import { teamAccessCases } from '../modules/teams/access.cases';
import { searchAccessCases } from '../modules/search/access.cases';
import { webWidgetAccessCases } from '../modules/web-widget/access.cases';
import { webhookAccessCases } from '../modules/webhooks/access.cases';
import { cannedResponseAccessCases } from '../modules/canned-responses/access.cases';
import { customAttributeAccessCases } from '../modules/custom-attributes/access.cases';
import { notificationAccessCases } from '../modules/notifications/access.cases';
import type { AccessCase } from './access';
import { authAccessCases } from './auth.access.cases';
import { developerAccessCases } from './developer.access.cases';

export const ACCESS_CASES: readonly AccessCase[] = [
  ...authAccessCases,
  ...accountAccessCases,
  ...agentAccessCases,
  ...invitationAccessCases,
  ...passwordResetAccessCases,
  ...inboxAccessCases,
  ...teamAccessCases,
  ...contactAccessCases,
  ...labelAccessCases,
  ...dashboardAppAccessCases,
  ...integrationAccessCases,
  ...conversationAccessCases,
  ...messageAccessCases,
  ...attachmentAccessCases,
  ...searchAccessCases,
  ...webWidgetAccessCases,
  ...developerAccessCases,
  ...webhookAccessCases,
  ...cannedResponseAccessCases,
  ...customAttributeAccessCases,
  ...notificationAccessCases,
];

/** Routes that need no matrix: public by design, or not HTTP request/response. */
export const PUBLIC_ROUTES: readonly string[] = ['/health', '/ready', '/cable', '/ws'];

/**
 * Route prefixes whose owners have not added their cases yet. The matrix test fails for any
 * registered route that is neither covered nor listed here: delete your line when you add
 * your cases.
 */
export const PENDING_ACCESS_ROUTES: readonly string[] = [];
