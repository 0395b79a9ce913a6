/**
 * Demo orders, made up deterministically from a seed (the contact's email or identifier): the
 * same seed always gives the same 0–6 orders, so every demo contact has a stable history.
 */
import { createHash } from 'node:crypto';
import type { ApiOrderItem, OrderStatus } from '../shared/orders-api';
import { CATALOG } from './catalog';

export type { OrderStatus };
export type OrderItem = ApiOrderItem;

export interface Order {
  number: string;
  /** Unix milliseconds. */
  placed_at: number;
  status: OrderStatus;
  items: OrderItem[];
  total_halalas: number;
}

export const MAX_ORDERS = 6;
const DAY_MS = 86_400_000;
const HISTORY_DAYS = 540;

/** mulberry32: a small, fast PRNG; plenty for demo data, never for anything secret. */
function prng(seed: string): () => number {
  let state = createHash('sha256').update(seed).digest().readUInt32BE(0);
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

function pick<T>(random: () => number, list: readonly T[]): T {
  const value = list[Math.floor(random() * list.length)];
  if (value === undefined) throw new Error('pick() from an empty list');
  return value;
}

/** How far an order has got, from its age; a few older ones were cancelled or returned. */
function statusFor(ageDays: number, random: () => number): OrderStatus {
  if (ageDays < 2) return 'processing';
  if (ageDays < 6) return 'shipped';
  const roll = random();
  if (roll < 0.08) return 'cancelled';
  if (roll < 0.13) return 'returned';
  return 'delivered';
}

function orderNumber(placedAt: number, random: () => number): string {
  const date = new Date(placedAt).toISOString().slice(2, 10).replaceAll('-', '');
  return `BV-${date}-${String(Math.floor(random() * 10_000)).padStart(4, '0')}`;
}

/**
 * Orders for a seed, newest first. `now` anchors the dates (whole UTC days, so that generating
 * twice on the same day gives identical orders).
 */
export function generateOrders(seed: string, now: number): Order[] {
  const random = prng(seed.trim().toLowerCase());
  const today = Math.floor(now / DAY_MS) * DAY_MS;
  const count = Math.floor(random() * (MAX_ORDERS + 1));
  const orders: Order[] = [];
  for (let index = 0; index < count; index += 1) {
    const ageDays = 1 + Math.floor(random() * HISTORY_DAYS);
    // Between 09:00 and 22:00 in Riyadh (UTC+3).
    const placedAt = today - ageDays * DAY_MS + (6 * 60 + Math.floor(random() * 13 * 60)) * 60_000;
    const itemCount = 1 + Math.floor(random() * 3);
    const items: OrderItem[] = [];
    for (let n = 0; n < itemCount; n += 1) {
      const product = pick(random, CATALOG);
      if (items.some((item) => item.sku === product.sku)) continue;
      const quantity = random() < 0.7 ? 1 : 2 + Math.floor(random() * 2);
      items.push({
        sku: product.sku,
        name_en: product.name_en,
        name_ar: product.name_ar,
        quantity,
        unit_price_halalas: product.price_halalas,
      });
    }
    orders.push({
      number: orderNumber(placedAt, random),
      placed_at: placedAt,
      status: statusFor(ageDays, random),
      items,
      total_halalas: items.reduce((sum, item) => sum + item.quantity * item.unit_price_halalas, 0),
    });
  }
  return orders.sort((a, b) => b.placed_at - a.placed_at);
}
