import { describe, expect, it } from 'vitest';
import { parseClientFrame, queryId } from './frames';

describe('parseClientFrame', () => {
  it('reads the frames we know', () => {
    expect(parseClientFrame('{"type":"ping"}')).toEqual({ type: 'ping' });
    expect(parseClientFrame('{"type":"subscribe","account_id":3}')).toEqual({
      type: 'subscribe',
      account_id: 3,
    });
    expect(parseClientFrame('{"type":"subscribe","account_id":3,"after":9}')).toEqual({
      type: 'subscribe',
      account_id: 3,
      after: 9,
    });
    expect(parseClientFrame('{"type":"resume","after":0}')).toEqual({ type: 'resume', after: 0 });
  });
  it('refuses anything else', () => {
    for (const raw of [
      'nope',
      'null',
      '[]',
      '{"type":"subscribe"}',
      '{"type":"subscribe","account_id":"3"}',
      '{"type":"subscribe","account_id":-1}',
      '{"type":"subscribe","account_id":1.5}',
      '{"type":"subscribe","account_id":1,"after":"x"}',
      '{"type":"resume"}',
      '{"type":"publish"}',
    ]) {
      expect(parseClientFrame(raw)).toBeNull();
    }
  });
});

describe('queryId', () => {
  it('parses ids, flags junk as NaN and absence as undefined', () => {
    expect(queryId('42')).toBe(42);
    expect(queryId(undefined)).toBeUndefined();
    expect(queryId('4a')).toBeNaN();
    expect(queryId(['1', '2'])).toBeNaN();
    expect(queryId('99999999999999999')).toBeNaN();
  });
});
