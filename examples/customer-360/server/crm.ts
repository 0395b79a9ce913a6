/**
 * The demo CRM behind the app: what the shop's own systems know about a customer and the help
 * desk does not (their value to the business, their last order, how often they needed support
 * this year). A real app would ask its CRM here; the demo makes the figures up from the contact's
 * key, so the same customer always shows the same figures.
 */
import { createHash } from 'node:crypto';

export type CustomerTier = 'standard' | 'silver' | 'gold';

export interface LastOrder {
  number: string;
  /** Unix seconds. */
  placed_at: number;
  total_halalas: number;
  status: 'delivered' | 'shipped' | 'processing';
}

export interface CustomerSummary {
  /** Unix seconds. */
  customer_since: number;
  tier: CustomerTier;
  /** What the customer has spent in all, VAT included (1 SAR = 100 halalas). */
  lifetime_value_halalas: number;
  orders_count: number;
  last_order: LastOrder | null;
  /** Support requests the CRM logged since 1 January of the current year (UTC). */
  tickets_this_year: number;
  currency: 'SAR';
}

const DAY = 86_400;
const STATUSES: readonly LastOrder['status'][] = ['delivered', 'shipped', 'processing'];

/** A stream of numbers in [0, 1) fixed by the key: the same customer gets the same history. */
function randomFor(key: string): () => number {
  let counter = 0;
  return () => {
    const digest = createHash('sha256').update(`${key}:${counter++}`).digest();
    return digest.readUInt32BE(0) / 2 ** 32;
  };
}

const tierOf = (lifetimeHalalas: number): CustomerTier =>
  lifetimeHalalas >= 500_000 ? 'gold' : lifetimeHalalas >= 150_000 ? 'silver' : 'standard';

/** The summary of the customer `contactKey` ("<account_id>:<contact_id>") as of `now`. */
export function customerSummary(contactKey: string, now: number): CustomerSummary {
  const random = randomFor(contactKey);
  const ageDays = 30 + Math.floor(random() * 1400);
  const customerSince = now - ageDays * DAY;
  const ordersCount = Math.floor(random() * 24);
  const totals = Array.from({ length: ordersCount }, () => (45 + Math.floor(random() * 600)) * 100);
  const lifetime = totals.reduce((sum, total) => sum + total, 0);
  const yearStart = Date.UTC(new Date(now * 1000).getUTCFullYear(), 0, 1) / 1000;
  const daysThisYear = Math.max(1, Math.floor((now - Math.max(yearStart, customerSince)) / DAY));
  const ticketsThisYear = Math.min(Math.floor(random() * 7), daysThisYear);
  const lastTotal = totals.at(-1);
  const lastOrder: LastOrder | null =
    lastTotal === undefined
      ? null
      : {
          number: `BV-${100_000 + Math.floor(random() * 900_000)}`,
          placed_at: now - Math.floor(random() * Math.min(ageDays, 120)) * DAY - 3_600,
          total_halalas: lastTotal,
          status: STATUSES[Math.floor(random() * STATUSES.length)] ?? 'delivered',
        };
  return {
    customer_since: customerSince,
    tier: tierOf(lifetime),
    lifetime_value_halalas: lifetime,
    orders_count: ordersCount,
    last_order: lastOrder,
    tickets_this_year: ticketsThisYear,
    currency: 'SAR',
  };
}
