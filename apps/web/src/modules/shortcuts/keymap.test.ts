import { describe, expect, it } from 'vitest';
import { shortcutFor } from './keymap';

/** Just what the key map reads of a DOM element. */
const element = (tagName: string, type?: string, editable = false) => ({
  tagName,
  type,
  closest: (selector: string) => (editable && selector.includes('contenteditable') ? {} : null),
});
const body = element('BODY');

const press = (key: string, target: object = body, extra = {}) =>
  shortcutFor({
    key,
    ctrlKey: false,
    metaKey: false,
    altKey: false,
    defaultPrevented: false,
    target: target as EventTarget,
    ...extra,
  });

describe('keyboard shortcuts', () => {
  it('map keys to actions on the page', () => {
    expect(press('j')).toEqual({ type: 'next' });
    expect(press('K')).toEqual({ type: 'previous' });
    expect(press('e')).toEqual({ type: 'resolve' });
    expect(press('3')).toEqual({ type: 'tab', index: 2 });
    expect(press('?')).toEqual({ type: 'help' });
    expect(press('x')).toBeNull();
    expect(press('0')).toBeNull();
    // An Arabic layout types ت on the J key.
    expect(press('ت', body, { code: 'KeyJ' })).toEqual({ type: 'next' });
    expect(press('ش', body, { code: 'KeyA' })).toEqual({ type: 'assignToMe' });
  });

  it('never fire while typing in a field, with modifiers, or once handled', () => {
    for (const target of [
      element('TEXTAREA'),
      element('INPUT', 'text'),
      element('INPUT', 'search'),
      element('SELECT'),
      element('SPAN', undefined, true),
    ]) {
      expect(press('j', target)).toBeNull();
      expect(press('?', target)).toBeNull();
    }
    expect(press('j', element('INPUT', 'checkbox'))).toEqual({ type: 'next' });
    expect(press('j', body, { ctrlKey: true })).toBeNull();
    expect(press('1', body, { altKey: true })).toBeNull();
    expect(press('e', body, { metaKey: true })).toBeNull();
    expect(press('e', body, { defaultPrevented: true })).toBeNull();
    expect(press('e', body, { isComposing: true })).toBeNull();
  });
});
