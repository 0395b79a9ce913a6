/**
 * One try of one delivery: the stored body, signed now, POSTed through the guarded outbound
 * client (public addresses only after DNS resolution, unless OUTBOUND_PRIVATE_HOSTS; one
 * deadline; the answer read up to an excerpt; redirects are answers, not followed).
 */
import { WEBHOOK_HEADERS } from '@bevatel/protocol';
import { OutboundError, outboundRequest, type OutboundPolicy } from '../../core/outbound/client';
import { webhookSignature } from './secret';

/** How much of the receiver's answer the log keeps. */
export const RESPONSE_EXCERPT_BYTES = 1024;

export interface AttemptTarget {
  url: string;
  secret: string;
  uuid: string;
  event: string;
  payload: string;
}

export interface AttemptOutcome {
  ok: boolean;
  statusCode: number | null;
  durationMs: number;
  error: string | null;
  response: string | null;
}

/** The policy of webhook requests, from the server's outbound policy and the deadline. */
export function webhookPolicy(base: OutboundPolicy, timeoutMs: number): OutboundPolicy {
  return {
    ...base,
    timeoutMs,
    maxResponseBytes: RESPONSE_EXCERPT_BYTES,
    oversizedResponse: 'truncate',
    maxRedirects: 0,
  };
}

export async function attemptDelivery(
  target: AttemptTarget,
  policy: OutboundPolicy,
): Promise<AttemptOutcome> {
  const started = performance.now();
  const elapsed = () => Math.round(performance.now() - started);
  let url: URL;
  try {
    url = new URL(target.url);
  } catch {
    return { ok: false, statusCode: null, durationMs: 0, error: 'invalid URL', response: null };
  }
  const timestamp = Math.floor(Date.now() / 1000);
  try {
    const answer = await outboundRequest(
      {
        url,
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          'user-agent': 'Bevatel-Webhooks/1.0',
          [WEBHOOK_HEADERS.timestamp.toLowerCase()]: String(timestamp),
          [WEBHOOK_HEADERS.signature.toLowerCase()]: webhookSignature(
            target.secret,
            timestamp,
            target.payload,
          ),
          [WEBHOOK_HEADERS.delivery.toLowerCase()]: target.uuid,
          [WEBHOOK_HEADERS.event.toLowerCase()]: target.event,
        },
        body: Buffer.from(target.payload, 'utf8'),
      },
      policy,
    );
    return {
      ok: answer.status >= 200 && answer.status < 300,
      statusCode: answer.status,
      durationMs: elapsed(),
      error: null,
      // PostgreSQL text cannot hold NUL: an odd answer must not fail the log write.
      response: answer.body.toString('utf8').replaceAll('\u0000', '') || null,
    };
  } catch (error) {
    const reason =
      error instanceof OutboundError
        ? `${error.reason}: ${error.message}`
        : `connection_failed: ${String(error)}`;
    return { ok: false, statusCode: null, durationMs: elapsed(), error: reason, response: null };
  }
}
