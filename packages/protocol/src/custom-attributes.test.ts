import { describe, expect, it } from 'vitest';
import { attributeValueProblem, type AttributeDisplayType } from './custom-attributes';

const of = (type: AttributeDisplayType) => ({
  attribute_display_type: type,
  attribute_values: type === 'list' ? ['gold', 'silver'] : [],
  attribute_display_name: 'Field',
});

describe('attributeValueProblem', () => {
  it.each([
    ['text', 'anything'],
    ['number', 3.5],
    ['number', -2],
    ['link', 'https://crm.example.com/x?y=1'],
    ['date', '2026-12-31'],
    ['date', '2026-12-31T10:00:00.000Z'],
    ['list', 'gold'],
    ['checkbox', false],
    ['number', null],
  ] as const)('%s accepts %j', (type, value) => {
    expect(attributeValueProblem(of(type), value)).toBeNull();
  });

  it.each([
    ['text', 1],
    ['text', 'x'.repeat(10_001)],
    ['number', '3'],
    ['number', Number.NaN],
    ['link', 'mailto:a@b.test'],
    ['link', '/relative'],
    ['date', '2026-02-30x'],
    ['date', 1_700_000_000],
    ['list', 'bronze'],
    ['checkbox', 'false'],
  ] as const)('%s refuses %j', (type, value) => {
    expect(attributeValueProblem(of(type), value)).toMatch(/^Field /);
  });
});
