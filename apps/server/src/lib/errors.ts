/** Errors a command or route throws on purpose; the error handler turns them into 4xx JSON. */
export type HttpErrorCode =
  | 'bad_request'
  | 'unauthorized'
  | 'forbidden'
  /** A dashboard app lacks the permission the administrator must grant (level 2). */
  | 'permission_denied'
  | 'not_found'
  | 'conflict'
  | 'gone'
  | 'unprocessable_entity'
  | 'payload_too_large'
  | 'too_many_requests'
  /** An outbound request (the app request proxy) got no usable answer from upstream. */
  | 'bad_gateway'
  | 'gateway_timeout';

const STATUS: Record<HttpErrorCode, number> = {
  bad_request: 400,
  unauthorized: 401,
  forbidden: 403,
  permission_denied: 403,
  not_found: 404,
  conflict: 409,
  gone: 410,
  unprocessable_entity: 422,
  payload_too_large: 413,
  too_many_requests: 429,
  bad_gateway: 502,
  gateway_timeout: 504,
};

export class HttpError extends Error {
  readonly statusCode: number;
  constructor(
    readonly code: HttpErrorCode,
    message: string,
    readonly field?: string,
    /** A finer machine code for clients (the body's `reason`). */
    readonly reason?: string,
  ) {
    super(message);
    this.name = 'HttpError';
    this.statusCode = STATUS[code];
  }
}

export const notFound = (what: string) => new HttpError('not_found', `${what} not found`);
export const forbidden = (message = 'You are not allowed to do this') =>
  new HttpError('forbidden', message);
export const invalid = (field: string, message: string, reason?: string) =>
  new HttpError('unprocessable_entity', message, field, reason);
