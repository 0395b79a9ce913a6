import { describe, expect, it } from 'vitest';
import { CATALOG } from './catalog';
import { MAX_ORDERS, generateOrders } from './orders';

const NOW = Date.UTC(2025, 9, 15, 12, 0, 0);

describe('generateOrders', () => {
  it('gives the same orders for the same seed on the same day', () => {
    const first = generateOrders('layla@example.com', NOW);
    expect(generateOrders('layla@example.com', NOW + 3_600_000)).toEqual(first);
    // Seeds are emails: case and surrounding spaces do not make another customer.
    expect(generateOrders('  Layla@Example.com ', NOW)).toEqual(first);
  });

  it('gives different customers different histories, each of 0 to 6 plausible orders', () => {
    const histories = Array.from({ length: 200 }, (_, index) =>
      generateOrders(`customer-${index}@example.com`, NOW),
    );
    const counts = new Set(histories.map((orders) => orders.length));
    expect([...counts].every((count) => count >= 0 && count <= MAX_ORDERS)).toBe(true);
    expect(counts.size).toBeGreaterThan(4);
    const skus = new Set(CATALOG.map((product) => product.sku));
    for (const order of histories.flat()) {
      expect(order.number).toMatch(/^BV-\d{6}-\d{4}$/);
      expect(order.placed_at).toBeLessThan(NOW);
      expect(order.items.length).toBeGreaterThan(0);
      expect(order.items.every((item) => skus.has(item.sku) && item.quantity >= 1)).toBe(true);
      const sum = order.items.reduce(
        (total, item) => total + item.quantity * item.unit_price_halalas,
        0,
      );
      expect(order.total_halalas).toBe(sum);
    }
    for (const orders of histories) {
      const dates = orders.map((order) => order.placed_at);
      expect(dates).toEqual([...dates].sort((a, b) => b - a));
    }
  });
});
