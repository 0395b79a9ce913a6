/**
 * The browser side of a Bevatel Dashboard App: receive and request the conversation context
 * (level 1), and with `connect({protocol: 2})` act on it through typed requests and events.
 */
export { connect } from './connect-levels';
export { isInsideDashboard } from './connect';
export { isPageContext } from '@bevatel/protocol';
export type { ConnectOptions, DashboardAppConnection, FetchContextOptions } from './connect';
export { FetchContextTimeoutError } from './errors';
export {
  ConflictError,
  DashboardAppRequestError,
  ForbiddenError,
  InternalError,
  InvalidParamsError,
  NotAvailableError,
  PermissionDeniedError,
  RateLimitedError,
  RequestTimeoutError,
  UnknownMethodError,
} from './level2/errors';
export type * from './level2/types';
export type * from './types';
