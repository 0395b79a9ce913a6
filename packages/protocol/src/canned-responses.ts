/**
 * Canned responses (Chatwoot's `canned_responses`): saved replies an agent inserts with `/` in
 * the composer. Their content may hold `{{contact.name}}`-style variables, filled from the
 * conversation when inserted (Chatwoot's variable names).
 */

export interface CannedResponse {
  id: number;
  account_id: number;
  short_code: string;
  content: string;
  /** The member who wrote it (null when that member was removed); additive. */
  created_by_id: number | null;
  created_at: number;
  updated_at: number;
}

export const CANNED_SHORT_CODE_MAX_LENGTH = 100;
export const CANNED_CONTENT_MAX_LENGTH = 10_000;

/** Chatwoot's message variables that a canned response may use. */
export const CANNED_RESPONSE_VARIABLES = [
  'contact.name',
  'contact.first_name',
  'contact.last_name',
  'contact.email',
  'contact.phone_number',
  'contact.id',
  'agent.name',
  'agent.first_name',
  'agent.last_name',
  'agent.email',
  'conversation.id',
  'inbox.name',
  'inbox.id',
  'account.name',
  'account.id',
] as const;
export type CannedResponseVariable = (typeof CANNED_RESPONSE_VARIABLES)[number];

export interface VariableSource {
  contact?: { id: number; name: string | null; email: string | null; phone_number: string | null };
  agent?: { name: string; email: string };
  conversation?: { id: number };
  inbox?: { id: number; name: string };
  account?: { id: number; name: string };
}

const firstWord = (name: string): string => name.trim().split(/\s+/)[0] ?? '';
const afterFirstWord = (name: string): string => name.trim().split(/\s+/).slice(1).join(' ');

function valueOf(variable: CannedResponseVariable, source: VariableSource): string | undefined {
  const { contact, agent, conversation, inbox, account } = source;
  switch (variable) {
    case 'contact.name':
      return contact ? (contact.name ?? '') : undefined;
    case 'contact.first_name':
      return contact ? firstWord(contact.name ?? '') : undefined;
    case 'contact.last_name':
      return contact ? afterFirstWord(contact.name ?? '') : undefined;
    case 'contact.email':
      return contact ? (contact.email ?? '') : undefined;
    case 'contact.phone_number':
      return contact ? (contact.phone_number ?? '') : undefined;
    case 'contact.id':
      return contact ? String(contact.id) : undefined;
    case 'agent.name':
      return agent?.name;
    case 'agent.first_name':
      return agent ? firstWord(agent.name) : undefined;
    case 'agent.last_name':
      return agent ? afterFirstWord(agent.name) : undefined;
    case 'agent.email':
      return agent?.email;
    case 'conversation.id':
      return conversation ? String(conversation.id) : undefined;
    case 'inbox.name':
      return inbox?.name;
    case 'inbox.id':
      return inbox ? String(inbox.id) : undefined;
    case 'account.name':
      return account?.name;
    case 'account.id':
      return account ? String(account.id) : undefined;
  }
}

const isVariable = (name: string): name is CannedResponseVariable =>
  (CANNED_RESPONSE_VARIABLES as readonly string[]).includes(name);

/**
 * `content` with its known variables filled. Unknown variables, and known ones whose source is
 * missing, stay as written so the agent sees what was not filled.
 */
export function fillVariables(content: string, source: VariableSource): string {
  return content.replace(/\{\{\s*([a-z_]+\.[a-z_]+)\s*\}\}/g, (whole, name: string) => {
    if (!isVariable(name)) return whole;
    return valueOf(name, source) ?? whole;
  });
}
