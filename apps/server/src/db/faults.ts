/**
 * Database failures that are not the request's fault: the database did not answer in time, is
 * unreachable, or its storage is full. The error handler answers them with 503 / 507 JSON
 * instead of a 500, and logs the cause once per outage (see plugins/errors.ts).
 */
export type DatabaseFault = 'unavailable' | 'storage_full';

/** Thrown by our own drivers when a connection or lock could not be had in time. */
export class DatabaseUnavailableError extends Error {
  readonly code = 'DATABASE_UNAVAILABLE';
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'DatabaseUnavailableError';
  }
}

// PostgreSQL SQLSTATEs: class 08 (connection exception), 57P01-57P03 (shutdown, crash
// recovery, cannot connect now), 57014 (statement_timeout), 55P03 (lock_timeout), 53300 (too
// many connections), 53200 (out of memory).
const PG_UNAVAILABLE = /^(08...|57P0[123]|57014|55P03|53300|53200)$/;
const PG_DISK_FULL = '53100';

const NODE_NETWORK = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EPIPE',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ENOTFOUND',
  'EAI_AGAIN',
]);

// What node-postgres and its pool say when the link to the server is gone or too slow.
const PG_CLIENT_MESSAGES = [
  'Connection terminated',
  'timeout exceeded when trying to connect',
  'Query read timeout',
  'Client has encountered a connection error and is not queryable',
  'Postgres connection has been discarded',
  'Connection ended',
];

function codeOf(error: object): string | undefined {
  const code = (error as { code?: unknown }).code;
  return typeof code === 'string' ? code : undefined;
}

/** Which fault an error is, or null for anything else (a bug, a constraint, bad input). */
export function databaseFault(error: unknown): DatabaseFault | null {
  if (typeof error !== 'object' || error === null) return null;
  const code = codeOf(error);
  if (code === 'DATABASE_UNAVAILABLE') return 'unavailable';
  if (code === PG_DISK_FULL || code === 'SQLITE_FULL' || code === 'ENOSPC') return 'storage_full';
  if (code !== undefined) {
    if (PG_UNAVAILABLE.test(code) || NODE_NETWORK.has(code)) return 'unavailable';
    // Another process holds the write lock past our wait, or the file went away / read-only.
    if (/^SQLITE_(BUSY|LOCKED|CANTOPEN|READONLY|IOERR)/.test(code)) return 'unavailable';
  }
  const message = (error as { message?: unknown }).message;
  if (typeof message === 'string' && PG_CLIENT_MESSAGES.some((m) => message.startsWith(m))) {
    return 'unavailable';
  }
  // AggregateError (pg connecting to "localhost": both ::1 and 127.0.0.1 refused).
  const errors = (error as { errors?: unknown }).errors;
  if (Array.isArray(errors) && errors.length > 0) {
    return errors.every((e) => databaseFault(e) === 'unavailable') ? 'unavailable' : null;
  }
  const cause = (error as { cause?: unknown }).cause;
  return cause !== undefined && cause !== error ? databaseFault(cause) : null;
}

/** True when a SQLite error means "someone else holds the lock": worth waiting and retrying. */
export function isSqliteBusy(error: unknown): boolean {
  if (typeof error !== 'object' || error === null) return false;
  const code = codeOf(error);
  return code !== undefined && /^SQLITE_BUSY/.test(code);
}
