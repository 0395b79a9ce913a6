/** Runtime checks for messages that cross a window boundary: never trust their shape. */
import type {
  AnyAppContextData,
  AnyAppContextEvent,
  AppContextData,
  AppContextEvent,
} from './app-context';
import { APP_CONTEXT_EVENT, FETCH_INFO_KEYS } from './keys';

// A conversation with many loaded messages is large; beyond this it is not a real payload.
const MAX_APP_CONTEXT_LENGTH = 16 * 1024 * 1024;

/** True for the bare fetch-info string, either key. */
export function isFetchInfoRequest(data: unknown): boolean {
  return typeof data === 'string' && FETCH_INFO_KEYS.includes(data);
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The JSON string's appContext event, before its data is checked. */
function parseEnvelope(data: unknown): Record<string, unknown> | null {
  if (typeof data !== 'string' || data.length > MAX_APP_CONTEXT_LENGTH) return null;
  let parsed: unknown;
  try {
    parsed = JSON.parse(data);
  } catch {
    return null;
  }
  if (!isRecord(parsed) || parsed.event !== APP_CONTEXT_EVENT || !isRecord(parsed.data)) {
    return null;
  }
  return parsed.data;
}

const hasConversationShape = ({ conversation, contact, currentAgent }: Record<string, unknown>) =>
  isRecord(conversation) && isRecord(contact) && isRecord(currentAgent);

const PAGE_LOCATIONS: readonly unknown[] = ['contact.page', 'navigation.page'];

const hasPageShape = (data: Record<string, unknown>) =>
  data.conversation === null &&
  (data.contact === null || isRecord(data.contact)) &&
  isRecord(data.currentAgent) &&
  Array.isArray(data.conversations) &&
  PAGE_LOCATIONS.includes(data.location);

/**
 * Parses what a host posted. Returns null for anything that is not a JSON string holding an
 * appContext event with conversation, contact and currentAgent objects: what an app shown
 * beside a conversation receives.
 */
export function parseAppContextMessage(data: unknown): AppContextEvent | null {
  const parsed = parseEnvelope(data);
  if (!parsed || !hasConversationShape(parsed)) return null;
  return { event: APP_CONTEXT_EVENT, data: parsed as unknown as AppContextData };
}

/**
 * As parseAppContextMessage, and also the contexts of the contact page and the full-page app
 * (`conversation: null`, a page location, the contact's conversations).
 */
export function parseAnyAppContextMessage(data: unknown): AnyAppContextEvent | null {
  const parsed = parseEnvelope(data);
  if (!parsed || !(hasConversationShape(parsed) || hasPageShape(parsed))) return null;
  return { event: APP_CONTEXT_EVENT, data: parsed as unknown as AnyAppContextData };
}
