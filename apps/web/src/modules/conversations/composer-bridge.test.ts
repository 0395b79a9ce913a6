import { describe, expect, it } from 'vitest';
import {
  applyInsert,
  attachComposer,
  checkBeforeSend,
  insertIntoComposer,
  registerSendGuard,
} from './composer-bridge';
import { readDraft, writeDraft } from './drafts';

describe('applyInsert', () => {
  const box = { text: 'Hello , thanks', selectionStart: 6, selectionEnd: 6 };

  it('inserts at the caret and puts the caret after the text', () => {
    expect(applyInsert(box, 'Omar', 'insert')).toEqual({ text: 'Hello Omar, thanks', caret: 10 });
  });

  it('replaces a selection', () => {
    expect(applyInsert({ ...box, selectionStart: 0, selectionEnd: 5 }, 'Hi', 'insert')).toEqual({
      text: 'Hi , thanks',
      caret: 2,
    });
  });

  it('appends, replaces, and keeps a caret beyond the text inside it', () => {
    expect(applyInsert(box, '!', 'append')).toEqual({ text: 'Hello , thanks!', caret: 15 });
    expect(applyInsert(box, 'New', 'replace')).toEqual({ text: 'New', caret: 3 });
    expect(applyInsert({ ...box, selectionStart: 99, selectionEnd: 99 }, '!', 'insert').text).toBe(
      'Hello , thanks!',
    );
  });
});

describe('insertIntoComposer', () => {
  it('writes into the draft when no reply box is mounted, at its caret', () => {
    writeDraft('1/5', { text: 'Dear , ok', mode: 'reply', caret: 5 });
    expect(insertIntoComposer('1/5', 'Sara', 'insert', 'reply')).toBe('draft');
    expect(readDraft('1/5')).toEqual({ text: 'Dear Sara, ok', mode: 'reply', caret: 9 });
    expect(insertIntoComposer('1/6', 'Note text', 'insert', 'note')).toBe('draft');
    expect(readDraft('1/6')).toMatchObject({ text: 'Note text', mode: 'note' });
  });

  it('hands the text to the mounted box, and says whether the agent sees it', () => {
    const calls: unknown[] = [];
    let visible = true;
    const detach = attachComposer('1/7', {
      onScreen: () => visible,
      insert: (...args) => calls.push(args),
    });
    expect(insertIntoComposer('1/7', 'a', 'append', 'reply')).toBe('composer');
    visible = false;
    expect(insertIntoComposer('1/7', 'b', 'insert', 'note')).toBe('draft');
    expect(calls).toEqual([
      ['a', 'append', 'reply'],
      ['b', 'insert', 'note'],
    ]);
    detach();
    expect(insertIntoComposer('1/7', 'c', 'insert', 'reply')).toBe('draft');
  });
});

describe('checkBeforeSend', () => {
  it('collects the objections of every guard; a failing guard does not block', async () => {
    const stop = [
      registerSendGuard('1/8', async () => ({
        source: 'Orders',
        reason: 'No order number',
        overridable: true,
      })),
      registerSendGuard('1/8', async () => null),
      registerSendGuard('1/8', async () => {
        throw new Error('broken');
      }),
    ];
    expect(await checkBeforeSend('1/8', { text: 'Hi', kind: 'reply' })).toEqual([
      { source: 'Orders', reason: 'No order number', overridable: true },
    ]);
    expect(await checkBeforeSend('1/9', { text: 'Hi', kind: 'reply' })).toEqual([]);
    for (const s of stop) s();
    expect(await checkBeforeSend('1/8', { text: 'Hi', kind: 'reply' })).toEqual([]);
  });
});
