/**
 * How a dispatcher takes deliveries, so that with several server processes each try is made
 * by one of them: due rows are claimed with a lease (`locked_until`, `lease_token`) in one
 * UPDATE; on PostgreSQL its subquery locks them FOR UPDATE SKIP LOCKED, so a concurrent claim
 * passes over rows being taken instead of waiting or taking them twice. A process that dies
 * mid-delivery leaves its lease to expire, and the delivery is tried again (at least once).
 */
import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { DialectName } from '../../db/dialect';
import type { Database, WebhookDeliveryRow } from '../../db/schema';
import { nowMs } from '../../lib/time';
import type { AttemptOutcome } from './attempt';
import { nextAttemptAt, type RetrySchedule } from './schedule';

export interface Claim {
  token: string;
  rows: WebhookDeliveryRow[];
}

export async function claimDueDeliveries(
  db: Kysely<Database>,
  dialect: DialectName,
  limit: number,
  leaseMs: number,
): Promise<Claim> {
  const token = randomUUID();
  const now = nowMs();
  const rows = await db
    .updateTable('webhook_deliveries')
    .set({ locked_until: now + leaseMs, lease_token: token, updated_at: now })
    .where('id', 'in', (eb) =>
      eb
        .selectFrom('webhook_deliveries')
        .select('id')
        .where('status', '=', 'pending')
        .where('next_attempt_at', '<=', now)
        .where((w) => w.or([w('locked_until', 'is', null), w('locked_until', '<', now)]))
        .orderBy('next_attempt_at')
        .limit(limit)
        .$if(dialect === 'postgres', (qb) => qb.forUpdate().skipLocked()),
    )
    .returningAll()
    .execute();
  return { token, rows };
}

/**
 * Records a try and moves the delivery on: delivered, retried later, or failed once the
 * schedule is spent. The state changes only while the lease is still this claim's (a try that
 * outlived its lease is logged, and the newer claim decides).
 */
export async function recordAttempt(
  db: Kysely<Database>,
  delivery: WebhookDeliveryRow,
  token: string,
  outcome: AttemptOutcome,
  schedule: RetrySchedule,
): Promise<void> {
  const now = nowMs();
  const retries = outcome.ok ? delivery.retries : delivery.retries + 1;
  const next = outcome.ok
    ? null
    : nextAttemptAt(schedule, retries, delivery.schedule_started_at, now);
  const status = outcome.ok ? 'delivered' : next === null ? 'failed' : 'pending';
  await db.transaction().execute(async (trx) => {
    await trx
      .insertInto('webhook_delivery_attempts')
      .values({
        delivery_id: delivery.id,
        attempted_at: now,
        status_code: outcome.statusCode,
        duration_ms: outcome.durationMs,
        error: outcome.error,
        response: outcome.response,
      })
      .execute();
    await trx
      .updateTable('webhook_deliveries')
      .set((eb) => ({
        status,
        attempts: eb('attempts', '+', 1),
        retries,
        next_attempt_at: next,
        locked_until: null,
        lease_token: null,
        last_attempt_at: now,
        last_status_code: outcome.statusCode,
        last_error: outcome.error,
        last_duration_ms: outcome.durationMs,
        last_response: outcome.response,
        updated_at: now,
      }))
      .where('id', '=', delivery.id)
      .where('lease_token', '=', token)
      .execute();
  });
}
