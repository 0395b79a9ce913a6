import { describe, expect, it } from 'vitest';
import { initialsOf } from './Avatar';

describe('initialsOf', () => {
  it('takes the first and last words’ initials, in capitals', () => {
    expect(initialsOf('sara ali')).toBe('SA');
    expect(initialsOf('Omar Haddad Jr')).toBe('OJ');
    expect(initialsOf('Cher')).toBe('C');
  });

  it('skips the Arabic article and keeps the letters from joining', () => {
    expect(initialsOf('بدر الشهري')).toBe('ب ش');
    expect(initialsOf('نورة العتيبي')).toBe('ن ع');
    expect(initialsOf('الشهري')).toBe('ش');
    // A short word is not an article followed by a name.
    expect(initialsOf('ال')).toBe('ا');
  });

  it('ignores punctuation and bidi controls, and has a fallback', () => {
    expect(initialsOf('\u202E(Lina) "Haddad"')).toBe('LH');
    expect(initialsOf('   ')).toBe('?');
    expect(initialsOf('😀')).toBe('?');
  });
});
