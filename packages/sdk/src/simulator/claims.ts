import { randomUUID } from 'node:crypto';
import { CONTEXT_TOKEN_MAX_TTL_SEC } from '@bevatel/protocol';
import type { ContextTokenClaims } from '@bevatel/protocol';

export interface ClaimsSource {
  issuer: string;
  audience: string;
  appId: number;
  now?: number;
}

function record(value: unknown): Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : {};
}

function integer(value: unknown, name: string): number {
  if (!Number.isSafeInteger(value)) throw new TypeError(`${name} must be an integer`);
  return value as number;
}

/**
 * The claims the dashboard's server would mint for this context (PROTOCOL.md "Signed
 * context"). Throws a TypeError naming the field when an edited context lacks an id.
 */
export function claimsFromContext(context: unknown, source: ClaimsSource): ContextTokenClaims {
  const data = record(context);
  const conversation = record(data.conversation);
  const contact = record(data.contact);
  const agent = record(data.currentAgent);
  const account = record(data.account);
  const assignee = record(record(conversation.meta).assignee);
  const iat = Math.floor(source.now ?? Date.now() / 1000);
  return {
    iss: source.issuer,
    aud: source.audience,
    sub: String(integer(agent.id, 'currentAgent.id')),
    account_id: integer(account.id ?? conversation.account_id, 'account.id'),
    app_id: source.appId,
    conversation_id: integer(conversation.id, 'conversation.id'),
    contact_id: integer(contact.id, 'contact.id'),
    inbox_id: integer(conversation.inbox_id, 'conversation.inbox_id'),
    role: assignee.id === agent.id && assignee.role === 'agent' ? 'agent' : 'administrator',
    iat,
    exp: iat + CONTEXT_TOKEN_MAX_TTL_SEC,
    jti: randomUUID(),
  };
}
