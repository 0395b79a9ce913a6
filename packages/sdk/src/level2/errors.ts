import type { AppErrorCode } from '@bevatel/protocol';

/**
 * A level-2 request the dashboard refused (or did not answer in time): `code` is the
 * protocol's error code (`timeout` when the host did not answer), `method` what was asked.
 * Each code has its own class, so `catch (e) { if (e instanceof PermissionDeniedError) … }`.
 */
export class DashboardAppRequestError extends Error {
  readonly code: AppErrorCode | 'timeout';
  readonly method: string;

  constructor(code: AppErrorCode | 'timeout', message: string, method: string) {
    super(message);
    this.code = code;
    this.method = method;
    this.name = NAMES[code];
  }
}

/** The administrator did not grant the app this method's permission. */
export class PermissionDeniedError extends DashboardAppRequestError {}
/** The agent may not do this (not in the conversation's inbox any more…). */
export class ForbiddenError extends DashboardAppRequestError {}
/** The params do not match the method's schema (or the server refused them). */
export class InvalidParamsError extends DashboardAppRequestError {}
/** The host has no such method (an older dashboard, or a typo). */
export class UnknownMethodError extends DashboardAppRequestError {}
/** Not possible where the app is shown (no signing secret, ui.resize in a tab…). */
export class NotAvailableError extends DashboardAppRequestError {}
/** Too many requests of this kind (ui.notify), or the server's limit. */
export class RateLimitedError extends DashboardAppRequestError {}
/** The agent moved to another conversation before the request was made. */
export class ConflictError extends DashboardAppRequestError {}
/** The dashboard or its server failed. */
export class InternalError extends DashboardAppRequestError {}
/** No answer within the request's timeout (or no `ready` within connect's). */
export class RequestTimeoutError extends DashboardAppRequestError {}

const NAMES: Record<AppErrorCode | 'timeout', string> = {
  permission_denied: 'PermissionDeniedError',
  forbidden: 'ForbiddenError',
  invalid_params: 'InvalidParamsError',
  unknown_method: 'UnknownMethodError',
  not_available: 'NotAvailableError',
  rate_limited: 'RateLimitedError',
  conflict: 'ConflictError',
  internal: 'InternalError',
  timeout: 'RequestTimeoutError',
};

const CLASSES: Record<AppErrorCode | 'timeout', typeof DashboardAppRequestError> = {
  permission_denied: PermissionDeniedError,
  forbidden: ForbiddenError,
  invalid_params: InvalidParamsError,
  unknown_method: UnknownMethodError,
  not_available: NotAvailableError,
  rate_limited: RateLimitedError,
  conflict: ConflictError,
  internal: InternalError,
  timeout: RequestTimeoutError,
};

/** The error for a response's `{code, message}`; an unknown code is `internal`. */
export function requestError(
  error: { code?: unknown; message?: unknown },
  method: string,
): DashboardAppRequestError {
  const code = (
    typeof error.code === 'string' && error.code in CLASSES ? error.code : 'internal'
  ) as AppErrorCode;
  return new CLASSES[code](code, String(error.message ?? code), method);
}

export function timeoutError(method: string, ms: number): RequestTimeoutError {
  return new RequestTimeoutError(
    'timeout',
    `The dashboard did not answer ${method} within ${ms} ms`,
    method,
  );
}
