/**
 * Verifying Bevatel webhook requests on the receiving server, with node:crypto only:
 * `X-Bevatel-Signature: sha256=<hex HMAC-SHA256 of "<X-Bevatel-Timestamp>.<raw body>">` under
 * the webhook's secret, and a timestamp close to now (a recorded request cannot be replayed
 * later). Deliveries are at least once: dedupe on `X-Bevatel-Delivery`.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';
import {
  WEBHOOK_HEADERS,
  WEBHOOK_SIGNATURE_TOLERANCE_SEC,
  type WebhookEventName,
} from '@bevatel/protocol';
import { WebhookSignatureError } from './errors';

export interface VerifyWebhookOptions {
  /** The webhook's secret, as shown when it was created or rotated. */
  secret: string | Uint8Array;
  /** How far the timestamp may be from now, in seconds. Default 300. */
  toleranceSec?: number;
  /** The current time: a Date, or Unix seconds. Default: now. */
  now?: Date | number;
}

/** Request headers as Node (lower-cased keys, string or string[]) or fetch's Headers give them. */
export type WebhookHeaders =
  { get(name: string): string | null } | Record<string, string | string[] | undefined>;

/** What a verified request carries. */
export interface VerifiedWebhook {
  /** The idempotency id (X-Bevatel-Delivery): the same for every retry of this delivery. */
  deliveryId: string;
  event: WebhookEventName;
  timestamp: number;
  /** The parsed body: `event` plus the entity's fields (Chatwoot's shape). */
  payload: { event: WebhookEventName } & Record<string, unknown>;
}

function header(headers: WebhookHeaders, name: string): string | null {
  if (typeof (headers as { get?: unknown }).get === 'function') {
    return (headers as { get(name: string): string | null }).get(name);
  }
  const value = (headers as Record<string, string | string[] | undefined>)[name.toLowerCase()];
  return Array.isArray(value) ? (value[0] ?? null) : (value ?? null);
}

const SIGNATURE = /^sha256=([0-9a-f]{64})$/;

/**
 * Checks one signature over the raw body (the exact bytes received: parse JSON only after).
 * Throws a WebhookSignatureError saying why it is refused.
 */
export function verifyWebhookSignature(
  input: { body: string | Uint8Array; timestamp: string | null; signature: string | null },
  options: VerifyWebhookOptions,
): number {
  const key = typeof options.secret === 'string' ? Buffer.from(options.secret) : options.secret;
  if (key.length === 0) throw new TypeError('The webhook secret must not be empty');
  if (!input.timestamp || !input.signature) {
    throw new WebhookSignatureError(
      'missing_header',
      `${WEBHOOK_HEADERS.timestamp} and ${WEBHOOK_HEADERS.signature} are both required`,
    );
  }
  if (!/^\d{1,12}$/.test(input.timestamp)) {
    throw new WebhookSignatureError(
      'malformed',
      `${WEBHOOK_HEADERS.timestamp} is not Unix seconds`,
    );
  }
  const match = SIGNATURE.exec(input.signature.trim().toLowerCase());
  if (!match) {
    throw new WebhookSignatureError(
      'malformed',
      `${WEBHOOK_HEADERS.signature} is not sha256=<hex>`,
    );
  }
  const expected = createHmac('sha256', key)
    .update(`${input.timestamp}.`)
    .update(input.body)
    .digest();
  const given = Buffer.from(match[1] as string, 'hex');
  if (!timingSafeEqual(given, expected)) {
    throw new WebhookSignatureError('bad_signature', 'The signature does not match the body');
  }
  const timestamp = Number(input.timestamp);
  const now =
    options.now === undefined
      ? Date.now() / 1000
      : options.now instanceof Date
        ? options.now.getTime() / 1000
        : options.now;
  if (Math.abs(now - timestamp) > (options.toleranceSec ?? WEBHOOK_SIGNATURE_TOLERANCE_SEC)) {
    throw new WebhookSignatureError(
      'expired',
      'The timestamp is too far from now: a replayed or delayed request',
    );
  }
  return timestamp;
}

/** Verifies a whole request (raw body + headers) and returns what it carries. */
export function verifyWebhook(
  body: string | Uint8Array,
  headers: WebhookHeaders,
  options: VerifyWebhookOptions,
): VerifiedWebhook {
  const timestamp = verifyWebhookSignature(
    {
      body,
      timestamp: header(headers, WEBHOOK_HEADERS.timestamp),
      signature: header(headers, WEBHOOK_HEADERS.signature),
    },
    options,
  );
  const deliveryId = header(headers, WEBHOOK_HEADERS.delivery);
  if (!deliveryId) {
    throw new WebhookSignatureError('missing_header', `${WEBHOOK_HEADERS.delivery} is required`);
  }
  let payload: unknown;
  try {
    payload = JSON.parse(typeof body === 'string' ? body : Buffer.from(body).toString('utf8'));
  } catch {
    throw new WebhookSignatureError('malformed', 'The body is not JSON');
  }
  if (typeof payload !== 'object' || payload === null || Array.isArray(payload)) {
    throw new WebhookSignatureError('malformed', 'The body is not a JSON object');
  }
  const event = (payload as { event?: unknown }).event;
  if (typeof event !== 'string') {
    throw new WebhookSignatureError('malformed', 'The body has no "event"');
  }
  return {
    deliveryId,
    event: event as WebhookEventName,
    timestamp,
    payload: payload as VerifiedWebhook['payload'],
  };
}
