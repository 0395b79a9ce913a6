import { describe, expect, it } from 'vitest';
import { fillVariables } from './canned-responses';

describe('fillVariables', () => {
  const source = {
    contact: { id: 7, name: 'Emily Carter', email: 'emily@shop.test', phone_number: null },
    agent: { name: 'Omar Haddad', email: 'omar@bevatel.test' },
    conversation: { id: 42 },
    inbox: { id: 3, name: 'Website' },
    account: { id: 1, name: 'Acme' },
  };

  it("fills Chatwoot's variables, with or without spaces inside the braces", () => {
    expect(
      fillVariables(
        'Hi {{contact.first_name}} ({{ contact.email }}), {{agent.name}} here about #{{conversation.id}} in {{inbox.name}}.',
        source,
      ),
    ).toBe('Hi Emily (emily@shop.test), Omar Haddad here about #42 in Website.');
    expect(fillVariables('{{contact.last_name}}|{{contact.phone_number}}|', source)).toBe(
      'Carter||',
    );
  });

  it('leaves unknown variables and those without a source as written', () => {
    expect(fillVariables('{{contact.shoe_size}} {{agent.name}}', { contact: source.contact })).toBe(
      '{{contact.shoe_size}} {{agent.name}}',
    );
  });
});
