/**
 * Account webhooks (Chatwoot's `webhooks` resource): which events exist, what the API answers,
 * and how a request is signed. The server, the settings page and the SDK's verify helper all
 * read these, so the names and headers are written once.
 */

/**
 * Chatwoot's account webhook events. `webwidget_triggered` is accepted so Chatwoot clients that
 * subscribe to everything keep working; it is not sent yet (the web widget does not report
 * being opened).
 */
export const WEBHOOK_EVENTS = [
  'conversation_created',
  'conversation_status_changed',
  'conversation_updated',
  'message_created',
  'message_updated',
  'contact_created',
  'contact_updated',
  'webwidget_triggered',
] as const;
export type WebhookEventName = (typeof WEBHOOK_EVENTS)[number];

export function isWebhookEventName(value: unknown): value is WebhookEventName {
  return (WEBHOOK_EVENTS as readonly unknown[]).includes(value);
}

export const WEBHOOK_NAME_MAX_LENGTH = 255;
export const WEBHOOK_URL_MAX_LENGTH = 2048;

/** Headers of every delivery. Header names are case-insensitive; receivers see them lower-cased. */
export const WEBHOOK_HEADERS = {
  /** Unix seconds when this attempt was signed. */
  timestamp: 'X-Bevatel-Timestamp',
  /** `sha256=<hex HMAC-SHA256 of "<timestamp>.<raw body>">` under the webhook's secret. */
  signature: 'X-Bevatel-Signature',
  /**
   * The delivery's id (a UUID): the same on every retry and redelivery of one event to one
   * webhook. Delivery is at least once; a receiver dedupes on this id.
   */
  delivery: 'X-Bevatel-Delivery',
  /** The event name, also in the body's `event`. */
  event: 'X-Bevatel-Event',
} as const;

/** How old a signed timestamp a receiver should accept by default (replay window). */
export const WEBHOOK_SIGNATURE_TOLERANCE_SEC = 300;

/** A webhook as the API presents it (Chatwoot's shape; `secret` only when just made). */
export interface Webhook {
  id: number;
  account_id: number;
  name: string | null;
  url: string;
  subscriptions: WebhookEventName[];
  created_at: number;
  updated_at: number;
  /** Only in the answers that create it or rotate it: it is never shown again. */
  secret?: string;
}

export type WebhookDeliveryStatus = 'pending' | 'delivered' | 'failed';

/** One event on its way to one webhook, as the delivery log shows it. */
export interface WebhookDelivery {
  id: number;
  webhook_id: number;
  /** The idempotency id sent as X-Bevatel-Delivery. */
  uuid: string;
  event: WebhookEventName;
  status: WebhookDeliveryStatus;
  attempts: number;
  /** Unix seconds of the next try while pending; null otherwise. */
  next_attempt_at: number | null;
  last_attempt_at: number | null;
  /** The receiver's HTTP status of the last try; null when there was no answer. */
  last_status_code: number | null;
  /** Why the last try failed without an answer (timeout, refused address…). */
  last_error: string | null;
  last_duration_ms: number | null;
  /** The start of the receiver's last answer (at most 1 KiB of text). */
  last_response: string | null;
  created_at: number;
}

export interface WebhookDeliveryAttempt {
  attempted_at: number;
  status_code: number | null;
  duration_ms: number;
  error: string | null;
  response: string | null;
}

/** A delivery with its tries and the body that is sent. */
export interface WebhookDeliveryDetail extends WebhookDelivery {
  payload: Record<string, unknown>;
  attempt_log: WebhookDeliveryAttempt[];
}

/** Why a webhook URL cannot be saved; a stable code the settings page translates. */
export type WebhookUrlProblem =
  | 'empty'
  | 'too_long'
  | 'invalid_characters'
  | 'not_absolute'
  | 'insecure_http'
  | 'credentials'
  | 'private_address';

export const WEBHOOK_URL_PROBLEM_MESSAGES: Record<WebhookUrlProblem, string> = {
  empty: 'Enter the URL that receives the events',
  too_long: `The URL must be at most ${WEBHOOK_URL_MAX_LENGTH} characters`,
  invalid_characters: 'The URL must not contain spaces, backslashes or control characters',
  not_absolute: 'Enter a full URL that starts with https://',
  insecure_http:
    'Use https://; plain http:// only for hosts the operator lists in OUTBOUND_PRIVATE_HOSTS',
  credentials: 'The URL must not contain a user name or password',
  private_address:
    'The URL points to a private, loopback or link-local address; only public addresses can receive webhooks',
};

// The protocol package has no DOM or Node typings: the bit of WHATWG URL used here.
interface ParsedWebhookUrl {
  protocol: string;
  username: string;
  password: string;
  hostname: string;
}
const WebhookUrlParser = (globalThis as unknown as { URL: new (input: string) => ParsedWebhookUrl })
  .URL;

// eslint-disable-next-line no-control-regex
const UNSAFE_URL_CHARACTERS = /[\s\u0000-\u001f\u007f-\u009f\\]/;

/** The host without IPv6 brackets, lower case: how OUTBOUND_PRIVATE_HOSTS entries are compared. */
export const bareHostname = (hostname: string) => hostname.toLowerCase().replace(/^\[|\]$/g, '');

/**
 * Checks the form of a webhook URL before it is saved (the settings form runs it too, with the
 * same answers); `privateHosts` is the operator's OUTBOUND_PRIVATE_HOSTS. Whether the host is a
 * private address is the server's check (core/outbound), at saving and at every delivery.
 */
export function validateWebhookUrl(
  url: string,
  privateHosts: readonly string[] = [],
): WebhookUrlProblem | null {
  if (url.length === 0) return 'empty';
  if (url.length > WEBHOOK_URL_MAX_LENGTH) return 'too_long';
  if (UNSAFE_URL_CHARACTERS.test(url)) return 'invalid_characters';
  if (!/^https?:\/\/[^/]/i.test(url)) return 'not_absolute';
  let parsed: ParsedWebhookUrl;
  try {
    parsed = new WebhookUrlParser(url);
  } catch {
    return 'not_absolute';
  }
  if (!parsed.hostname) return 'not_absolute';
  const authority = url.slice(url.indexOf('//') + 2).split(/[/?#]/)[0] ?? '';
  if (parsed.username || parsed.password || authority.includes('@')) return 'credentials';
  if (parsed.protocol === 'http:' && !privateHosts.includes(bareHostname(parsed.hostname))) {
    return 'insecure_http';
  }
  return null;
}
