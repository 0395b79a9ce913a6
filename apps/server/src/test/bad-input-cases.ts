/**
 * Registry of the bad-input suite, run by bad-input.test.ts. To cover your routes, write
 * `modules/<x>/bad-input.cases.ts` (see test/bad-input.ts: `standardBadInputs(spec)` derives
 * the usual variants from one valid request), add it below, and drop your routes from
 * PENDING_BAD_INPUT_ROUTES.
 */
import { accountBadInputCases } from '../modules/accounts/bad-input.cases';
import { agentBadInputCases } from '../modules/agents/bad-input.cases';
import { contactBadInputCases } from '../modules/contacts/bad-input.cases';
import { dashboardAppBadInputCases } from '../modules/dashboard-apps/bad-input.cases';
import { conversationBadInputCases } from '../modules/conversations/bad-input.cases';
import { inboxBadInputCases } from '../modules/inboxes/bad-input.cases';
import { labelBadInputCases } from '../modules/labels/bad-input.cases';
import { messageBadInputCases } from '../modules/messages/bad-input.cases';
import { teamBadInputCases } from '../modules/teams/bad-input.cases';
import { authBadInputCases } from './auth.bad-input.cases';
import type { BadInputCase } from './bad-input';
import { ACCOUNT } from './routes';

export const BAD_INPUT_CASES: readonly BadInputCase[] = [
  ...authBadInputCases,
  ...accountBadInputCases,
  ...agentBadInputCases,
  ...inboxBadInputCases,
  ...teamBadInputCases,
  ...contactBadInputCases,
  ...labelBadInputCases,
  ...dashboardAppBadInputCases,
  ...conversationBadInputCases,
  ...messageBadInputCases,
];

/** Routes that take no input at all (no params besides the account, no body, no query). */
export const INPUTLESS_ROUTES: readonly string[] = [
  'GET /health',
  'GET /cable',
  'GET /ws',
  'DELETE /auth/sign_out',
  'GET /api/v1/profile',
  'GET /auth/session',
  `GET ${ACCOUNT}`,
  `GET ${ACCOUNT}/agents`,
  `GET ${ACCOUNT}/inboxes`,
  `GET ${ACCOUNT}/teams`,
  `GET ${ACCOUNT}/labels`,
  `GET ${ACCOUNT}/dashboard_apps`,
  `GET ${ACCOUNT}/dashboard_apps/url_rules`,
];

/** Route prefixes whose owners have not added bad-input cases yet: delete yours when you do. */
export const PENDING_BAD_INPUT_ROUTES: readonly string[] = [];
