import type { AppError, AppErrorCode } from '@bevatel/protocol';
import { ApiError } from '../../lib/api';

/** A refusal with a protocol error code; anything else a handler throws becomes `internal`. */
export class AppRequestError extends Error {
  readonly code: AppErrorCode;

  constructor(code: AppErrorCode, message: string) {
    super(message);
    this.name = 'AppRequestError';
    this.code = code;
  }
}

/**
 * What the app is told when a call failed. The server's answers map to the codes an app can
 * act on: its own permission (the server checks it too), the agent's rights, bad input.
 */
export function toAppError(error: unknown): AppError {
  if (error instanceof AppRequestError) return { code: error.code, message: error.message };
  if (error instanceof ApiError) {
    if (error.code === 'permission_denied')
      return { code: 'permission_denied', message: error.message };
    if (error.status === 401 || error.status === 403 || error.status === 404) {
      return { code: 'forbidden', message: `The agent may not do this: ${error.message}` };
    }
    if (error.status === 409) return { code: 'conflict', message: error.message };
    if (error.status === 429) return { code: 'rate_limited', message: error.message };
    if (error.status === 400 || error.status === 413 || error.status === 422) {
      return { code: 'invalid_params', message: error.message };
    }
    // The request proxy: the upstream host did not answer usefully (timeout, too large).
    if (error.status === 502 || error.status === 504) {
      return { code: 'not_available', message: error.message };
    }
    return {
      code: 'internal',
      message: `The dashboard could not do this (${error.status || 'network'})`,
    };
  }
  return { code: 'internal', message: 'The dashboard could not do this' };
}
