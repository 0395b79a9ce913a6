import { describe, expect, it } from 'vitest';
import { customerSummary } from './crm';

const NOW = 1_780_000_000; // 2026-05-28

describe('the demo CRM', () => {
  it('gives the same customer the same figures, and another customer others', () => {
    expect(customerSummary('1:7', NOW)).toEqual(customerSummary('1:7', NOW));
    const many = Array.from({ length: 20 }, (_, i) => customerSummary(`1:${i}`, NOW));
    expect(new Set(many.map((s) => s.lifetime_value_halalas)).size).toBeGreaterThan(10);
  });

  it('keeps every summary consistent: totals, tiers, dates and this year', () => {
    const yearStart = Date.UTC(2026, 0, 1) / 1000;
    for (let contact = 1; contact <= 300; contact += 1) {
      const summary = customerSummary(`3:${contact}`, NOW);
      expect(summary.customer_since).toBeLessThan(NOW);
      expect(summary.tickets_this_year).toBeGreaterThanOrEqual(0);
      if (summary.customer_since > yearStart) {
        expect(summary.tickets_this_year).toBeLessThanOrEqual(
          Math.ceil((NOW - summary.customer_since) / 86_400),
        );
      }
      const expectedTier =
        summary.lifetime_value_halalas >= 500_000
          ? 'gold'
          : summary.lifetime_value_halalas >= 150_000
            ? 'silver'
            : 'standard';
      expect(summary.tier).toBe(expectedTier);
      if (summary.orders_count === 0) {
        expect(summary.last_order).toBeNull();
        expect(summary.lifetime_value_halalas).toBe(0);
      } else {
        const last = summary.last_order!;
        expect(last.total_halalas).toBeLessThanOrEqual(summary.lifetime_value_halalas);
        expect(last.placed_at).toBeGreaterThanOrEqual(summary.customer_since);
        expect(last.placed_at).toBeLessThan(NOW);
        expect(last.number).toMatch(/^BV-\d{6}$/);
      }
    }
  });
});
