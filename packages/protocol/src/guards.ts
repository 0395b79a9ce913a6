/** Runtime checks for messages that cross a window boundary: never trust their shape. */
import type { AppContextEvent } from './app-context';
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

/**
 * Parses what a host posted. Returns null for anything that is not a JSON string holding an
 * appContext event with conversation, contact and currentAgent objects.
 */
export function parseAppContextMessage(data: unknown): AppContextEvent | null {
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
  const { conversation, contact, currentAgent } = parsed.data;
  if (!isRecord(conversation) || !isRecord(contact) || !isRecord(currentAgent)) return null;
  return parsed as unknown as AppContextEvent;
}
