/**
 * Webhook writes, in the command convention (`(tx, caller, …) → {result, events}`, run by
 * `runCommand`). URLs are checked before (url.ts): a DNS lookup must not hold a transaction.
 */
import { WEBHOOK_EVENTS, type WebhookEventName } from '@bevatel/protocol';
import type { Caller } from '../../core/caller';
import { outcome, type Outcome, type Tx } from '../../core/commands';
import type { WebhookDeliveryRow, WebhookRow } from '../../db/schema';
import { HttpError, notFound } from '../../lib/errors';
import { nowMs } from '../../lib/time';
import { findDelivery, findWebhook } from './queries';
import { generateWebhookSecret, sealWebhookSecret } from './secret';

export interface WebhookInput {
  /** Checked already (url.ts `checkWebhookUrl`). */
  url?: string;
  name?: string | null;
  subscriptions?: WebhookEventName[];
}

export interface WithSecret {
  row: WebhookRow;
  /** Shown in this answer only. */
  secret: string;
}

const cleanName = (name: string | null | undefined) =>
  name === undefined ? undefined : name === null ? null : name.trim() || null;

/** Seals a fresh secret onto the row (the id is part of what it is bound to). */
async function newSecret(
  tx: Tx,
  row: Pick<WebhookRow, 'id' | 'account_id'>,
  secretKeyBase: string,
): Promise<WithSecret> {
  const secret = generateWebhookSecret();
  const sealed = sealWebhookSecret(
    secret,
    { accountId: row.account_id, webhookId: row.id },
    secretKeyBase,
  );
  const updated = await tx.db
    .updateTable('webhooks')
    .set({ secret_sealed: sealed, updated_at: nowMs() })
    .where('id', '=', row.id)
    .returningAll()
    .executeTakeFirstOrThrow();
  return { row: updated, secret };
}

/** Creates the webhook (every event when no subscriptions are given, as Chatwoot does). */
export async function createWebhook(
  tx: Tx,
  caller: Caller,
  input: WebhookInput & { url: string },
  secretKeyBase: string,
): Promise<Outcome<WithSecret>> {
  const now = nowMs();
  const row = await tx.db
    .insertInto('webhooks')
    .values({
      account_id: caller.account.id,
      name: cleanName(input.name) ?? null,
      url: input.url,
      subscriptions: JSON.stringify(input.subscriptions ?? [...WEBHOOK_EVENTS]),
      // Replaced below, in the same transaction, once the id it is bound to exists.
      secret_sealed: '',
      created_at: now,
      updated_at: now,
    })
    .returning(['id', 'account_id'])
    .executeTakeFirstOrThrow();
  return outcome(await newSecret(tx, row, secretKeyBase));
}

export async function updateWebhook(
  tx: Tx,
  caller: Caller,
  id: number,
  input: WebhookInput,
): Promise<Outcome<WebhookRow>> {
  const current = await findWebhook(tx.db, caller.account.id, id);
  if (!current) throw notFound('Webhook');
  const name = cleanName(input.name);
  const set = {
    ...(input.url !== undefined ? { url: input.url } : {}),
    ...(name !== undefined ? { name } : {}),
    ...(input.subscriptions ? { subscriptions: JSON.stringify(input.subscriptions) } : {}),
  };
  if (Object.keys(set).length === 0) return outcome(current);
  return outcome(
    await tx.db
      .updateTable('webhooks')
      .set({ ...set, updated_at: nowMs() })
      .where('id', '=', id)
      .returningAll()
      .executeTakeFirstOrThrow(),
  );
}

/** Deletes the webhook with its delivery log; deliveries still pending are not sent. */
export async function deleteWebhook(tx: Tx, caller: Caller, id: number): Promise<Outcome<null>> {
  const result = await tx.db
    .deleteFrom('webhooks')
    .where('id', '=', id)
    .where('account_id', '=', caller.account.id)
    .executeTakeFirst();
  if (Number(result.numDeletedRows) === 0) throw notFound('Webhook');
  return outcome(null);
}

/** A new secret; the old one stops signing at once (tries from now on use the new one). */
export async function rotateWebhookSecret(
  tx: Tx,
  caller: Caller,
  id: number,
  secretKeyBase: string,
): Promise<Outcome<WithSecret>> {
  const current = await findWebhook(tx.db, caller.account.id, id);
  if (!current) throw notFound('Webhook');
  return outcome(await newSecret(tx, current, secretKeyBase));
}

/**
 * Sends the delivery again from now, with a fresh retry schedule and the same idempotency id
 * (a receiver that already has it skips it). Refused while a try is in flight.
 */
export async function redeliver(
  tx: Tx,
  webhook: Pick<WebhookRow, 'id'>,
  deliveryId: number,
): Promise<Outcome<WebhookDeliveryRow>> {
  const now = nowMs();
  const row = await tx.db
    .updateTable('webhook_deliveries')
    .set({
      status: 'pending',
      retries: 0,
      schedule_started_at: now,
      next_attempt_at: now,
      locked_until: null,
      lease_token: null,
      updated_at: now,
    })
    .where('id', '=', deliveryId)
    .where('webhook_id', '=', webhook.id)
    .where((w) => w.or([w('locked_until', 'is', null), w('locked_until', '<', now)]))
    .returningAll()
    .executeTakeFirst();
  if (row) return outcome(row);
  if (!(await findDelivery(tx.db, webhook.id, deliveryId))) throw notFound('Delivery');
  throw new HttpError('conflict', 'This delivery is being sent right now; try again shortly');
}
