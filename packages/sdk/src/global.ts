/** Entry of the script-tag bundle: everything here becomes `window.BevatelDashboardApp`. */
export { connect, isInsideDashboard } from './connect';
export { FetchContextTimeoutError } from './errors';
