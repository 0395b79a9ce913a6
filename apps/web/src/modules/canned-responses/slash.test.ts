import type { CannedResponse } from '@bevatel/protocol';
import { describe, expect, it } from 'vitest';
import { matchCanned, replaceSlash, slashQueryAt } from './slash';

const response = (short_code: string, content: string, id = 1): CannedResponse => ({
  id,
  account_id: 1,
  short_code,
  content,
  created_by_id: null,
  created_at: 0,
  updated_at: 0,
});

describe('the / shortcut', () => {
  it('finds /word at the start or after a space, up to the caret', () => {
    expect(slashQueryAt('/ref', 4)).toEqual({ start: 0, query: 'ref' });
    expect(slashQueryAt('Hello /', 7)).toEqual({ start: 6, query: '' });
    expect(slashQueryAt('Hi\n/thanks and', 10)).toEqual({ start: 3, query: 'thanks' });
    expect(slashQueryAt('and/or', 6)).toBeNull();
    expect(slashQueryAt('https://x.test/a', 16)).toBeNull();
    expect(slashQueryAt('/ref more', 9)).toBeNull();
  });

  it('ranks short codes before content, case-insensitively', () => {
    const list = [
      response('hello', 'About your REFUND', 1),
      response('refund-late', 'Sorry', 2),
      response('Refund', 'Your refund', 3),
      response('x-refund', 'x', 4),
      response('bye', 'Goodbye', 5),
    ];
    expect(matchCanned(list, 'refund').map((r) => r.short_code)).toEqual([
      'Refund',
      'refund-late',
      'x-refund',
      'hello',
    ]);
    expect(matchCanned(list, '', 2)).toHaveLength(2);
  });

  it('replaces /query with the text and puts the caret after it', () => {
    const text = 'Hi /ref!';
    expect(replaceSlash(text, { start: 3, query: 'ref' }, 7, 'Your refund is on its way')).toEqual({
      text: 'Hi Your refund is on its way!',
      caret: 28,
    });
  });
});
