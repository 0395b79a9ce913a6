/** Errors a command or route throws on purpose; the error handler turns them into 4xx JSON. */
export type HttpErrorCode =
  | 'bad_request'
  | 'unauthorized'
  | 'forbidden'
  | 'not_found'
  | 'conflict'
  | 'unprocessable_entity'
  | 'too_many_requests';

const STATUS: Record<HttpErrorCode, number> = {
  bad_request: 400,
  unauthorized: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  unprocessable_entity: 422,
  too_many_requests: 429,
};

export class HttpError extends Error {
  readonly statusCode: number;
  constructor(
    readonly code: HttpErrorCode,
    message: string,
    readonly field?: string,
  ) {
    super(message);
    this.name = 'HttpError';
    this.statusCode = STATUS[code];
  }
}

export const notFound = (what: string) => new HttpError('not_found', `${what} not found`);
export const forbidden = (message = 'You are not allowed to do this') =>
  new HttpError('forbidden', message);
export const invalid = (field: string, message: string) =>
  new HttpError('unprocessable_entity', message, field);
