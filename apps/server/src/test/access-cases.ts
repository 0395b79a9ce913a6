/**
 * Registry of the access matrix: every module's cases, run by access-matrix.test.ts.
 * To cover your routes, write `modules/<x>/access.cases.ts` (see test/access.ts for the
 * shape and the `anyMember`/`adminsOnly`/… helpers), add it below, and remove your routes
 * from PENDING_ACCESS_ROUTES.
 */
import { accountAccessCases } from '../modules/accounts/access.cases';
import { agentAccessCases } from '../modules/agents/access.cases';
import { contactAccessCases } from '../modules/contacts/access.cases';
import { conversationAccessCases } from '../modules/conversations/access.cases';
import { dashboardAppAccessCases } from '../modules/dashboard-apps/access.cases';
import { inboxAccessCases } from '../modules/inboxes/access.cases';
import { labelAccessCases } from '../modules/labels/access.cases';
import { messageAccessCases } from '../modules/messages/access.cases';
import { teamAccessCases } from '../modules/teams/access.cases';
import type { AccessCase } from './access';
import { authAccessCases } from './auth.access.cases';

export const ACCESS_CASES: readonly AccessCase[] = [
  ...authAccessCases,
  ...accountAccessCases,
  ...agentAccessCases,
  ...inboxAccessCases,
  ...teamAccessCases,
  ...contactAccessCases,
  ...labelAccessCases,
  ...dashboardAppAccessCases,
  ...conversationAccessCases,
  ...messageAccessCases,
];

/** Routes that need no matrix: public by design, or not HTTP request/response. */
export const PUBLIC_ROUTES: readonly string[] = ['/health', '/cable', '/ws'];

/**
 * Route prefixes whose owners have not added their cases yet. The matrix test fails for any
 * registered route that is neither covered nor listed here: delete your line when you add
 * your cases.
 */
export const PENDING_ACCESS_ROUTES: readonly string[] = [];
