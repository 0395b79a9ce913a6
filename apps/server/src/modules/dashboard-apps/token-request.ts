/**
 * The body of `POST dashboard_apps/:id/context_token`: where the app is shown. Beside a
 * conversation `{conversation_id}` (clients from before locations send only that), on the
 * contact page `{contact_id}`, on the full page `{location: "navigation.page"}`.
 */
import {
  DASHBOARD_APP_LOCATIONS,
  isConversationLocation,
  isDashboardAppLocation,
  type DashboardAppLocation,
} from '@bevatel/protocol';
import { invalid } from '../../lib/errors';
import { MAX_DB_INTEGER } from '../../lib/schemas';

export type TokenPlace =
  | { location: 'conversation.tab' | 'conversation.sidebar'; conversationId: number }
  | { location: 'contact.page'; contactId: number }
  | { location: 'navigation.page' };

/** An id: a JSON integer, or its digits as a string. */
function readId(field: string, given: unknown): number {
  const n = typeof given === 'string' && /^\d{1,10}$/.test(given) ? Number(given) : given;
  if (typeof n !== 'number' || !Number.isInteger(n) || n < 1 || n > MAX_DB_INTEGER) {
    throw invalid(field, `${field} must be a positive integer`);
  }
  return n;
}

export function readTokenPlace(body: unknown): TokenPlace {
  const fields =
    typeof body === 'object' && body !== null && !Array.isArray(body)
      ? (body as Record<string, unknown>)
      : {};
  const known = ['conversation_id', 'contact_id', 'location'];
  const unknown = Object.keys(fields).find((key) => !known.includes(key));
  if (unknown !== undefined) throw invalid(unknown, `${unknown} is not accepted here`);
  const given = (key: string) => fields[key] !== undefined && fields[key] !== null;
  if (given('location') && !isDashboardAppLocation(fields.location)) {
    throw invalid('location', `location must be one of: ${DASHBOARD_APP_LOCATIONS.join(', ')}`);
  }
  // Without `location`: a contact alone means the contact page, anything else a conversation
  // (so `{}` is still "conversation_id is required", as before locations existed).
  const location: DashboardAppLocation = given('location')
    ? (fields.location as DashboardAppLocation)
    : given('contact_id') && !given('conversation_id')
      ? 'contact.page'
      : 'conversation.tab';
  if (isConversationLocation(location)) {
    if (given('contact_id'))
      throw invalid('contact_id', 'contact_id is not accepted beside a conversation');
    if (!given('conversation_id')) throw invalid('conversation_id', 'conversation_id is required');
    return {
      location: location as 'conversation.tab' | 'conversation.sidebar',
      conversationId: readId('conversation_id', fields.conversation_id),
    };
  }
  if (given('conversation_id')) {
    throw invalid('conversation_id', `conversation_id is not accepted on ${location}`);
  }
  if (location === 'contact.page') {
    if (!given('contact_id')) throw invalid('contact_id', 'contact_id is required on contact.page');
    return { location, contactId: readId('contact_id', fields.contact_id) };
  }
  if (given('contact_id'))
    throw invalid('contact_id', 'contact_id is not accepted on navigation.page');
  return { location: 'navigation.page' };
}
