/**
 * Entry of the script-tag bundle: everything here becomes `window.BevatelDashboardApp`.
 * `connect({protocol: 2})` is the level-2 client; its errors are told apart by `error.code`
 * (`permission_denied`…) and `error.name` (`PermissionDeniedError`…), without more globals.
 */
export { connect } from './connect-levels';
export { isInsideDashboard } from './connect';
export { isPageContext } from '@bevatel/protocol';
export { FetchContextTimeoutError } from './errors';
