import { describe, expect, it } from 'vitest';
import { highlightRuns, snippetAround } from './highlight';

describe('highlightRuns', () => {
  it('marks every occurrence, whatever its case, literally', () => {
    expect(highlightRuns('Refund? A refund, please.', 'REFUND')).toEqual([
      { text: 'Refund', match: true },
      { text: '? A ', match: false },
      { text: 'refund', match: true },
      { text: ', please.', match: false },
    ]);
    expect(highlightRuns('a.b (c)', '.')).toEqual([
      { text: 'a', match: false },
      { text: '.', match: true },
      { text: 'b (c)', match: false },
    ]);
  });

  it('marks Arabic text, and nothing for an empty term or no match', () => {
    expect(highlightRuns('أريد استرداد المبلغ', 'استرداد')).toEqual([
      { text: 'أريد ', match: false },
      { text: 'استرداد', match: true },
      { text: ' المبلغ', match: false },
    ]);
    expect(highlightRuns('hello', '  ')).toEqual([{ text: 'hello', match: false }]);
    expect(highlightRuns('hello', 'bye')).toEqual([{ text: 'hello', match: false }]);
  });
});

describe('snippetAround', () => {
  const long = `${'word '.repeat(60)}the refund arrived ${'tail '.repeat(60)}`;

  it('keeps short texts whole', () => {
    expect(snippetAround('I want a refund', 'refund')).toBe('I want a refund');
  });

  it('cuts long texts around the first match, at spaces, with ellipses', () => {
    const snippet = snippetAround(long, 'refund', 80);
    expect(snippet).toContain('the refund arrived');
    expect(snippet.startsWith('…word')).toBe(true);
    expect(snippet.endsWith('tail…')).toBe(true);
    expect(snippet.length).toBeLessThanOrEqual(82);
  });
});
