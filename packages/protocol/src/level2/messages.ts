/**
 * The level-2 envelope: every message is a JSON string `{"event": <key>, "data": {…}}`, like
 * level 1's appContext. Shapes of each message and the guards that read them from the wire.
 */
import type { AnyAppContextData } from '../app-context';
import type { Locale, TextDirection, Theme } from '../enums';
import {
  LEVEL2_EVENT,
  LEVEL2_HELLO,
  LEVEL2_READY,
  LEVEL2_REQUEST,
  LEVEL2_RESPONSE,
  MAX_INBOUND_MESSAGE_LENGTH,
} from '../keys';
import type { AppError } from './errors';
import type { AppEventName, AppEventPayloads, AppLocation, BeforeSendAnswer } from './events';
import type { AppMethod } from './methods';
import type { AppPermission } from './permissions';

/** The protocol version this package speaks. */
export const PROTOCOL_VERSION = 2;

/** Longest request id an app may choose. */
export const MAX_REQUEST_ID_LENGTH = 128;

export interface HelloData {
  protocol: number;
  /** The SDK's version, or whatever the app wants to report. */
  sdk?: string;
  /** Events the app wants; unknown names are ignored. */
  subscribe?: string[];
}

export interface ReadyData {
  protocol: typeof PROTOCOL_VERSION;
  methods: AppMethod[];
  events: AppEventName[];
  /** What the administrator granted this app. */
  permissions: AppPermission[];
  /** The events of `subscribe` the host will send. */
  subscribed: AppEventName[];
  location: AppLocation;
  locale: Locale;
  dir: TextDirection;
  theme: Theme;
  context: AnyAppContextData;
}

export interface RequestData {
  id: string;
  method: string;
  params?: unknown;
  /**
   * The display id of the conversation the app believes is in view (the SDK sends its latest
   * context's). When the host shows another one, the request is answered `conflict`.
   */
  conversation_id?: number;
}

export type ResponseData =
  | { id: string; result: unknown; error?: undefined }
  | { id: string; error: AppError; result?: undefined };

/** An event for a subscriber; `id` is set for the blocking ones, which expect a response. */
export type EventData = {
  [N in AppEventName]: { name: N; payload: AppEventPayloads[N]; id?: string };
}[AppEventName];

export type BeforeSendResponse = { id: string; result: BeforeSendAnswer };

function record(value: unknown): Record<string, unknown> | null {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : null;
}

/** Reads `{event, data}` from a JSON string, or null (not ours, malformed, oversized). */
function envelope(
  text: unknown,
  maxLength: number,
): { event: unknown; data: Record<string, unknown> } | null {
  // Cheap first: most traffic on a window is not for us.
  if (typeof text !== 'string' || text.length > maxLength || !text.startsWith('{')) return null;
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return null;
  }
  const outer = record(parsed);
  const data = outer && record(outer.data);
  return outer && data ? { event: outer.event, data } : null;
}

const isRequestId = (value: unknown): value is string =>
  typeof value === 'string' && value.length > 0 && value.length <= MAX_REQUEST_ID_LENGTH;

/** What an app may post to the host. */
export type AppToHostMessage =
  | { type: 'hello'; data: HelloData }
  | { type: 'request'; data: RequestData }
  | { type: 'response'; data: ResponseData };

/**
 * Reads a level-2 message an app posted. Null for anything else, including a request without a
 * usable id (there is nobody to answer) and a hello without a protocol number of 2 or more.
 */
export function parseAppMessage(text: unknown): AppToHostMessage | null {
  const message = envelope(text, MAX_INBOUND_MESSAGE_LENGTH);
  if (!message) return null;
  const { event, data } = message;
  if (event === LEVEL2_HELLO) {
    if (
      typeof data.protocol !== 'number' ||
      !Number.isInteger(data.protocol) ||
      data.protocol < 2
    ) {
      return null;
    }
    const subscribe = Array.isArray(data.subscribe)
      ? data.subscribe.filter((name): name is string => typeof name === 'string')
      : [];
    const hello: HelloData = { protocol: data.protocol, subscribe };
    if (typeof data.sdk === 'string') hello.sdk = data.sdk.slice(0, 64);
    return { type: 'hello', data: hello };
  }
  if (event === LEVEL2_REQUEST) {
    if (!isRequestId(data.id)) return null;
    const request: RequestData = {
      id: data.id,
      method: typeof data.method === 'string' ? data.method : '',
      params: data.params,
    };
    const expected = data.conversation_id;
    if (typeof expected === 'number' && Number.isSafeInteger(expected) && expected > 0) {
      request.conversation_id = expected;
    }
    return { type: 'request', data: request };
  }
  if (event === LEVEL2_RESPONSE) {
    if (!isRequestId(data.id)) return null;
    const error = record(data.error);
    if (error) {
      return {
        type: 'response',
        data: { id: data.id, error: { code: 'internal', message: String(error.message ?? '') } },
      };
    }
    return { type: 'response', data: { id: data.id, result: data.result } };
  }
  return null;
}

/** What the host may post to a level-2 app. */
export type HostToAppMessage =
  | { type: 'ready'; data: ReadyData }
  | { type: 'response'; data: ResponseData }
  | { type: 'event'; data: EventData };

/** Reads a level-2 message the host posted (the SDK's side). Null for anything else. */
export function parseHostMessage(text: unknown): HostToAppMessage | null {
  const message = envelope(text, 16 * 1024 * 1024);
  if (!message) return null;
  const { event, data } = message;
  if (event === LEVEL2_READY && data.protocol === PROTOCOL_VERSION && record(data.context)) {
    return { type: 'ready', data: data as unknown as ReadyData };
  }
  if (event === LEVEL2_RESPONSE && isRequestId(data.id)) {
    return { type: 'response', data: data as unknown as ResponseData };
  }
  if (event === LEVEL2_EVENT && typeof data.name === 'string' && record(data.payload)) {
    return { type: 'event', data: data as unknown as EventData };
  }
  return null;
}

const encode = (event: string, data: unknown): string => JSON.stringify({ event, data });

export const encodeHello = (data: HelloData): string => encode(LEVEL2_HELLO, data);
export const encodeReady = (data: ReadyData): string => encode(LEVEL2_READY, data);
export const encodeRequest = (data: RequestData): string => encode(LEVEL2_REQUEST, data);
export const encodeResponse = (data: ResponseData): string => encode(LEVEL2_RESPONSE, data);
export const encodeEvent = (data: EventData): string => encode(LEVEL2_EVENT, data);
