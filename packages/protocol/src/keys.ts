/** Every string that crosses the host/app boundary, named once. */
export const APP_CONTEXT_EVENT = 'appContext';

/** What an app posts (a bare string) to ask for a fresh context. */
export const FETCH_INFO_KEY = 'bevatel-dashboard-app:fetch-info';

/** Chatwoot's key, accepted so that apps written for Chatwoot work unchanged. */
export const CHATWOOT_FETCH_INFO_KEY = 'chatwoot-dashboard-app:fetch-info';

export const FETCH_INFO_KEYS: readonly string[] = [FETCH_INFO_KEY, CHATWOOT_FETCH_INFO_KEY];

/** Level 2 (opt-in) message names. */
export const LEVEL2_HELLO = 'bevatel-dashboard-app:hello';
export const LEVEL2_READY = 'bevatel-dashboard-app:ready';
export const LEVEL2_EVENT = 'bevatel-dashboard-app:event';
export const LEVEL2_REQUEST = 'bevatel-dashboard-app:request';
export const LEVEL2_RESPONSE = 'bevatel-dashboard-app:response';

/** Messages longer than this are ignored unread (rule 3 of PROTOCOL.md). */
export const MAX_INBOUND_MESSAGE_LENGTH = 64 * 1024;

/** At most this many unasked appContext posts per frame per second. */
export const MAX_CONTEXT_PUSHES_PER_SECOND = 4;

/** A frame that has not fired `load` by then shows Retry / Open in new tab. */
export const FRAME_LOAD_TIMEOUT_MS = 15_000;

/** Longest lifetime of a signed context token. */
export const CONTEXT_TOKEN_MAX_TTL_SEC = 300;
