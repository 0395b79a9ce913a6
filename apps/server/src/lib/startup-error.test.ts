import { describe, expect, it } from 'vitest';
import { describeError, redactedUrl, startupStep } from './startup-error';

const withCode = (message: string, code: string, cause?: unknown) =>
  Object.assign(new Error(message, { cause }), { code });

describe('start-up errors', () => {
  it('joins an error and its causes on one line, with their codes', () => {
    const error = new Error('cannot open the SQLite database /data/x.sqlite3', {
      cause: withCode('unable to open database file', 'SQLITE_CANTOPEN'),
    });
    expect(describeError(error)).toBe(
      'cannot open the SQLite database /data/x.sqlite3: unable to open database file (SQLITE_CANTOPEN)',
    );
    expect(describeError(withCode('listen EADDRINUSE: address already in use', 'EADDRINUSE'))).toBe(
      'listen EADDRINUSE: address already in use',
    );
    expect(describeError(new Error('two\n  lines'))).toBe('two lines');
  });

  it('spells out an AggregateError without a message (pg trying ::1 and 127.0.0.1)', () => {
    const refused = (address: string) =>
      withCode(`connect ECONNREFUSED ${address}:5999`, 'ECONNREFUSED');
    const error = new AggregateError([refused('::1'), refused('127.0.0.1')]);
    expect(describeError(error)).toBe(
      'connect ECONNREFUSED ::1:5999; connect ECONNREFUSED 127.0.0.1:5999',
    );
  });

  it('names the step that failed', async () => {
    await expect(
      startupStep('cannot reach PostgreSQL at postgres://db:5432/x', () => {
        throw withCode('connect ECONNREFUSED 10.0.0.1:5432', 'ECONNREFUSED');
      }),
    ).rejects.toThrow(
      'cannot reach PostgreSQL at postgres://db:5432/x: connect ECONNREFUSED 10.0.0.1:5432',
    );
  });

  it('hides passwords in URLs', () => {
    expect(redactedUrl('postgres://app:s3cret@db:5432/bevatel')).toBe(
      'postgres://app:***@db:5432/bevatel',
    );
    expect(redactedUrl('redis://:pw@cache:6379')).toBe('redis://:***@cache:6379');
    expect(redactedUrl('sqlite:./data/x.sqlite3')).toBe('sqlite:./data/x.sqlite3');
  });
});
