import {
  isWebhookEventName,
  type Webhook,
  type WebhookDelivery,
  type WebhookDeliveryAttempt,
  type WebhookDeliveryDetail,
  type WebhookDeliveryStatus,
  type WebhookEventName,
} from '@bevatel/protocol';
import type { WebhookDeliveryAttemptRow, WebhookDeliveryRow, WebhookRow } from '../../db/schema';
import { parseJsonArray, parseJsonObject } from '../../lib/json';
import { toSeconds, toSecondsOrZero } from '../../lib/time';

/** The stored subscriptions; names this server no longer knows are left out. */
export function subscriptionsOf(row: Pick<WebhookRow, 'subscriptions'>): WebhookEventName[] {
  return parseJsonArray(row.subscriptions).filter(isWebhookEventName);
}

export function presentWebhook(row: WebhookRow, secret?: string): Webhook {
  return {
    id: row.id,
    account_id: row.account_id,
    name: row.name,
    url: row.url,
    subscriptions: subscriptionsOf(row),
    created_at: toSecondsOrZero(row.created_at),
    updated_at: toSecondsOrZero(row.updated_at),
    ...(secret !== undefined ? { secret } : {}),
  };
}

export function presentDelivery(row: WebhookDeliveryRow): WebhookDelivery {
  return {
    id: row.id,
    webhook_id: row.webhook_id,
    uuid: row.uuid,
    event: row.event as WebhookEventName,
    status: row.status as WebhookDeliveryStatus,
    attempts: row.attempts,
    next_attempt_at: row.status === 'pending' ? toSeconds(row.next_attempt_at) : null,
    last_attempt_at: toSeconds(row.last_attempt_at),
    last_status_code: row.last_status_code,
    last_error: row.last_error,
    last_duration_ms: row.last_duration_ms,
    last_response: row.last_response,
    created_at: toSecondsOrZero(row.created_at),
  };
}

function presentAttempt(row: WebhookDeliveryAttemptRow): WebhookDeliveryAttempt {
  return {
    attempted_at: toSecondsOrZero(row.attempted_at),
    status_code: row.status_code,
    duration_ms: row.duration_ms,
    error: row.error,
    response: row.response,
  };
}

export function presentDeliveryDetail(
  row: WebhookDeliveryRow,
  attempts: WebhookDeliveryAttemptRow[],
): WebhookDeliveryDetail {
  return {
    ...presentDelivery(row),
    payload: parseJsonObject(row.payload),
    attempt_log: attempts.map(presentAttempt),
  };
}
