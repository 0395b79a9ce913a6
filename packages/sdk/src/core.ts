/**
 * Level 1 alone (appContext, fetch-info): what an app needs that never uses level 2. The size
 * test keeps this within 2 KB gzip; the whole client (`index.ts`) within 4 KB.
 */
export { connect, isInsideDashboard } from './connect';
export type { ConnectOptions, DashboardAppConnection, FetchContextOptions } from './connect';
export { FetchContextTimeoutError } from './errors';
