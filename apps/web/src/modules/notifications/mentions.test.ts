import { mentionedUserIds, splitMentions } from '@bevatel/protocol';
import { describe, expect, it } from 'vitest';
import { insertMention, matchAgents, mentionQueryAt, withMentionMarkup } from './mentions';

const omar = { id: 3, name: 'Omar Haddad' };
const sarah = { id: 4, name: 'Sarah (QA)' };

describe('mentions in the composer', () => {
  it('finds the @word at the caret, only at a word start', () => {
    expect(mentionQueryAt('Hi @om', 6)).toEqual({ start: 3, query: 'om' });
    expect(mentionQueryAt('@', 1)).toEqual({ start: 0, query: '' });
    expect(mentionQueryAt('mail me@example', 15)).toBeNull();
    expect(mentionQueryAt('Hi @omar there', 14)).toBeNull();
  });

  it('matches agents by the start of any word, ignoring case and accents', () => {
    expect(matchAgents([omar, sarah], 'HAD')).toEqual([omar]);
    expect(matchAgents([{ id: 5, name: 'Zoë Élan' }], 'ela')).toHaveLength(1);
    expect(matchAgents([omar, sarah], '')).toHaveLength(2);
  });

  it('inserts @Name and turns picked names into markup the server and chips read', () => {
    const at = mentionQueryAt('Please @om', 10)!;
    const inserted = insertMention('Please @om', at, 10, omar);
    expect(inserted).toEqual({ text: 'Please @Omar Haddad ', caret: 20 });
    const sent = withMentionMarkup(`${inserted.text}and @Sarah (QA), thanks. @Omarx`, [
      omar,
      sarah,
    ]);
    expect(sent).toBe(
      'Please [@Omar Haddad](mention://user/3/Omar%20Haddad) and [@Sarah (QA)](mention://user/4/Sarah%20%28QA%29), thanks. @Omarx',
    );
    expect(mentionedUserIds(sent)).toEqual([3, 4]);
    expect(splitMentions(sent).filter((p) => p.kind === 'mention')).toEqual([
      { kind: 'mention', userId: 3, name: 'Omar Haddad' },
      { kind: 'mention', userId: 4, name: 'Sarah (QA)' },
    ]);
  });

  it('leaves markup-looking text that is no mention as text', () => {
    const parts = splitMentions('[@x](javascript:alert(1)) <img src=x onerror=alert(1)>');
    expect(parts).toEqual([
      { kind: 'text', text: '[@x](javascript:alert(1)) <img src=x onerror=alert(1)>' },
    ]);
  });
});
