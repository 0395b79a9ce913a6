import { describe, expect, it } from 'vitest';
import { formatValue, fromControlValue, toControlValue } from './value-format';

describe('custom attribute values in forms', () => {
  it('turns control text into typed values; empty clears', () => {
    expect(fromControlValue('number', '12.5')).toBe(12.5);
    expect(fromControlValue('number', '')).toBeNull();
    expect(fromControlValue('date', '2026-12-31')).toBe('2026-12-31');
    expect(fromControlValue('text', '  keep spaces ')).toBe('  keep spaces ');
    expect(fromControlValue('list', 'gold')).toBe('gold');
  });

  it('shows stored values in controls and in text', () => {
    expect(toControlValue('date', '2026-12-31T10:00:00.000Z')).toBe('2026-12-31');
    expect(toControlValue('number', 3)).toBe('3');
    expect(toControlValue('text', undefined)).toBe('');
    expect(formatValue('date', '2026-12-31', 'en')).toBe('Dec 31, 2026');
    expect(formatValue('number', 1234.5, 'en')).toBe('1,234.5');
    expect(formatValue('text', null, 'en')).toBeNull();
  });
});
