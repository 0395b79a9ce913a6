import { describe, expect, it } from 'vitest';
import { DatabaseUnavailableError, databaseFault, isSqliteBusy } from './faults';

const withCode = (code: string, message = 'x') => Object.assign(new Error(message), { code });

describe('databaseFault', () => {
  it.each([
    // PostgreSQL
    [withCode('53100', 'could not extend file: No space left on device'), 'storage_full'],
    [withCode('57P01', 'terminating connection due to administrator command'), 'unavailable'],
    [withCode('57P03', 'the database system is starting up'), 'unavailable'],
    [withCode('57014', 'canceling statement due to statement timeout'), 'unavailable'],
    [withCode('08006'), 'unavailable'],
    [withCode('53300', 'too many clients already'), 'unavailable'],
    [withCode('ECONNREFUSED'), 'unavailable'],
    [new Error('Connection terminated unexpectedly'), 'unavailable'],
    [new Error('timeout exceeded when trying to connect'), 'unavailable'],
    [new Error('Query read timeout'), 'unavailable'],
    [new AggregateError([withCode('ECONNREFUSED'), withCode('ECONNREFUSED')]), 'unavailable'],
    // SQLite
    [withCode('SQLITE_FULL', 'database or disk is full'), 'storage_full'],
    [withCode('SQLITE_BUSY', 'database is locked'), 'unavailable'],
    [withCode('SQLITE_IOERR_WRITE', 'disk I/O error'), 'unavailable'],
    [withCode('SQLITE_READONLY', 'attempt to write a readonly database'), 'unavailable'],
    // Ours, and wrapped
    [new DatabaseUnavailableError('no connection within 3000 ms'), 'unavailable'],
    [new Error('wrapped', { cause: withCode('SQLITE_FULL') }), 'storage_full'],
  ])('%s → %s', (error, fault) => {
    expect(databaseFault(error)).toBe(fault);
  });

  it.each([
    [withCode('23505', 'duplicate key value violates unique constraint')],
    [withCode('SQLITE_CONSTRAINT_UNIQUE')],
    [withCode('42P01', 'relation does not exist')],
    [withCode('SQLITE_CORRUPT')],
    [new TypeError('x is undefined')],
    ['a string'],
    [null],
  ])('%s is not a database fault', (error) => {
    expect(databaseFault(error)).toBeNull();
  });

  it('tells a busy SQLite from other errors', () => {
    expect(isSqliteBusy(withCode('SQLITE_BUSY'))).toBe(true);
    expect(isSqliteBusy(withCode('SQLITE_BUSY_SNAPSHOT'))).toBe(true);
    expect(isSqliteBusy(withCode('SQLITE_FULL'))).toBe(false);
    expect(isSqliteBusy(null)).toBe(false);
  });
});
