import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema';

export const DELIVERIES_PER_PAGE = 25;

export function listWebhooks(db: Kysely<Database>, accountId: number) {
  return db
    .selectFrom('webhooks')
    .selectAll()
    .where('account_id', '=', accountId)
    .orderBy('id')
    .execute();
}

export function findWebhook(db: Kysely<Database>, accountId: number, id: number) {
  return db
    .selectFrom('webhooks')
    .selectAll()
    .where('account_id', '=', accountId)
    .where('id', '=', id)
    .executeTakeFirst();
}

/** Newest first, one page; one row more than a page tells whether another page follows. */
export function deliveriesPage(db: Kysely<Database>, webhookId: number, page: number) {
  return db
    .selectFrom('webhook_deliveries')
    .selectAll()
    .where('webhook_id', '=', webhookId)
    .orderBy('id', 'desc')
    .limit(DELIVERIES_PER_PAGE + 1)
    .offset((page - 1) * DELIVERIES_PER_PAGE)
    .execute();
}

export function findDelivery(db: Kysely<Database>, webhookId: number, id: number) {
  return db
    .selectFrom('webhook_deliveries')
    .selectAll()
    .where('webhook_id', '=', webhookId)
    .where('id', '=', id)
    .executeTakeFirst();
}

export function attemptsOf(db: Kysely<Database>, deliveryId: number) {
  return db
    .selectFrom('webhook_delivery_attempts')
    .selectAll()
    .where('delivery_id', '=', deliveryId)
    .orderBy('id')
    .execute();
}
