/**
 * React bindings: `useAppContext()` keeps a component in step with the dashboard's context
 * (level 1); `useDashboardApp()` connects with level 2, `useAppEvent()` and `useBeforeSend()`
 * listen while a component is mounted.
 */
export { useAppContext } from './use-app-context';
export type {
  AppContextStatus,
  UseAppContextOptions,
  UseAppContextResult,
} from './use-app-context';
export { useAppEvent, useBeforeSend, useDashboardApp } from './use-dashboard-app';
export type {
  DashboardAppStatus,
  UseDashboardAppOptions,
  UseDashboardAppResult,
} from './use-dashboard-app';
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
} from '../level2/errors';
export type * from '../level2/types';
export type * from '../types';
