import { attributeValueProblem } from '@bevatel/protocol';
import { describe, expect, it } from 'vitest';
import { DEMO_ATTRIBUTE_DEFINITIONS, DEMO_CANNED_RESPONSES } from './agent-tools';
import { DEMO_CONTACTS } from './contacts';

describe('the demo agent tools', () => {
  it("define the demo contacts' attributes so that every stored value fits", () => {
    for (const contact of DEMO_CONTACTS) {
      for (const definition of DEMO_ATTRIBUTE_DEFINITIONS.filter(
        (d) => d.model === 'contact_attribute',
      )) {
        const value = (contact as unknown as Record<string, unknown>)[definition.key];
        const problem = attributeValueProblem(
          {
            attribute_display_type: definition.type,
            attribute_values: definition.values ?? [],
            attribute_display_name: definition.name,
          },
          value,
        );
        expect(problem, `${contact.name} ${definition.key}`).toBeNull();
      }
    }
  });

  it('give canned responses distinct one-word short codes', () => {
    const codes = DEMO_CANNED_RESPONSES.map(([code]) => code.toLowerCase());
    expect(new Set(codes).size).toBe(codes.length);
    for (const code of codes) expect(code).toMatch(/^\S+$/);
  });
});
