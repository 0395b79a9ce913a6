/** Error codes of level-2 responses (PROTOCOL.md), each with when it is used. */
export const APP_ERROR_CODES = [
  /** No such method (checked first). */
  'unknown_method',
  /** The params do not match the method's schema (checked after the permission). */
  'invalid_params',
  /** The administrator did not grant this app the method's permission (checked second). */
  'permission_denied',
  /** The agent may not do this (the server refused: not in the conversation's inbox…). */
  'forbidden',
  /** Not possible here: no composer in this location, no signing secret, no modal open… */
  'not_available',
  /** Too many of these requests (ui.notify), or the server's rate limit. */
  'rate_limited',
  /** The conversation changed under the request (the agent switched away). */
  'conflict',
  /** Anything else: the host or the server failed. */
  'internal',
] as const;

export type AppErrorCode = (typeof APP_ERROR_CODES)[number];

export interface AppError {
  code: AppErrorCode;
  message: string;
}

export function isAppErrorCode(value: unknown): value is AppErrorCode {
  return (APP_ERROR_CODES as readonly unknown[]).includes(value);
}
