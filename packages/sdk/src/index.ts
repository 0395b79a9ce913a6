/** The browser side of a Bevatel Dashboard App: receive and request the conversation context. */
export { connect, isInsideDashboard } from './connect';
export type { ConnectOptions, DashboardAppConnection, FetchContextOptions } from './connect';
export { FetchContextTimeoutError } from './errors';
export type * from './types';
