/**
 * The transactional outbox of webhooks. `runCommand` hands every command's events here inside
 * the command's own transaction, and one delivery row per subscribed webhook is written there:
 * a rolled-back change leaves no row, a committed one cannot lose its rows to a crash. The
 * webhook dispatcher (modules/webhooks) sends them afterwards.
 */
import { randomUUID } from 'node:crypto';
import {
  MESSAGE_TYPES,
  isWebhookEventName,
  type RealtimeEvent,
  type WebhookEventName,
} from '@bevatel/protocol';
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema';
import { parseJsonArray } from '../lib/json';
import { nowMs } from '../lib/time';
import type { CoreEvent } from './commands';

/**
 * Chatwoot's webhook events for each realtime event. A status change is also a
 * conversation_updated, as in Chatwoot; `conversation.read` is not a webhook event.
 */
const WEBHOOK_EVENTS_OF: Partial<Record<RealtimeEvent['event'], WebhookEventName[]>> = {
  'conversation.created': ['conversation_created'],
  'conversation.updated': ['conversation_updated'],
  'assignee.changed': ['conversation_updated'],
  'conversation.status_changed': ['conversation_status_changed', 'conversation_updated'],
  'message.created': ['message_created'],
  'message.updated': ['message_updated'],
  'contact.created': ['contact_created'],
  'contact.updated': ['contact_updated'],
};

interface WebhookEvent {
  accountId: number;
  event: WebhookEventName;
  data: object;
}

/** The webhook events of a command's events, each once per command and entity. */
export function webhookEventsOf(events: readonly CoreEvent[]): WebhookEvent[] {
  const out: WebhookEvent[] = [];
  const seen = new Set<string>();
  for (const item of events) {
    if (item.kind !== 'publish') continue;
    const { event, data } = item.event;
    // Activity lines are not sent, as in Chatwoot (`webhook_sendable?`).
    if (
      (event === 'message.created' || event === 'message.updated') &&
      data.message_type === MESSAGE_TYPES.activity
    ) {
      continue;
    }
    for (const name of WEBHOOK_EVENTS_OF[event] ?? []) {
      const key = `${item.audience.accountId}:${name}:${'id' in data ? data.id : ''}`;
      if (seen.has(key)) continue;
      seen.add(key);
      out.push({ accountId: item.audience.accountId, event: name, data });
    }
  }
  return out;
}

/**
 * Writes the deliveries of `events` for the webhooks subscribed to them. Costs one indexed
 * read per account when it has no webhook, nothing when the command caused no webhook event.
 */
export async function recordWebhookEvents(
  trx: Kysely<Database>,
  events: readonly CoreEvent[],
): Promise<number> {
  const pending = webhookEventsOf(events);
  if (pending.length === 0) return 0;
  const now = nowMs();
  let written = 0;
  for (const accountId of new Set(pending.map((e) => e.accountId))) {
    const hooks = await trx
      .selectFrom('webhooks')
      .select(['id', 'subscriptions'])
      .where('account_id', '=', accountId)
      .orderBy('id')
      .execute();
    if (hooks.length === 0) continue;
    const subscribed = hooks.map((hook) => ({
      id: hook.id,
      events: parseJsonArray(hook.subscriptions).filter(isWebhookEventName),
    }));
    for (const item of pending.filter((e) => e.accountId === accountId)) {
      const receivers = subscribed.filter((hook) => hook.events.includes(item.event));
      if (receivers.length === 0) continue;
      // Chatwoot's webhook shape: the entity's fields with the event name beside them.
      const payload = JSON.stringify({ event: item.event, ...item.data });
      await trx
        .insertInto('webhook_deliveries')
        .values(
          receivers.map((hook) => ({
            account_id: accountId,
            webhook_id: hook.id,
            uuid: randomUUID(),
            event: item.event,
            payload,
            status: 'pending',
            schedule_started_at: now,
            next_attempt_at: now,
            locked_until: null,
            lease_token: null,
            last_attempt_at: null,
            last_status_code: null,
            last_error: null,
            last_duration_ms: null,
            last_response: null,
            created_at: now,
            updated_at: now,
          })),
        )
        .execute();
      written += receivers.length;
    }
  }
  return written;
}
