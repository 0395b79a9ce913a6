import { describe, expect, it } from 'vitest';
import type { ApiOrder } from '../../shared/orders-api';
import { orderNote, orderStatusReply } from './order-texts';

const order: ApiOrder = {
  number: 'BV-261009-0150',
  placed_at: Date.UTC(2026, 9, 9, 12) / 1000,
  status: 'returned',
  items: [
    {
      sku: 'EAR-BT',
      name_en: 'Wireless earbuds',
      name_ar: 'سماعات لاسلكية',
      quantity: 1,
      unit_price_halalas: 15_000,
    },
  ],
  total_halalas: 15_000,
};

describe('what the actions write', () => {
  it('tells the customer about the order in the agent’s language, with its number, date and total', () => {
    expect(orderStatusReply(order, 'en')).toMatch(
      /^Your order BV-261009-0150 of Oct 9, 2026 was returned: the refund of SAR\s150\.00 goes back to your original payment method\.$/,
    );
    const arabic = orderStatusReply(order, 'ar');
    expect(arabic).toContain('BV-261009-0150');
    expect(arabic).toContain('وسيلة الدفع الأصلية');
    expect(arabic).toContain('١٥٠٫٠٠');
    expect(orderStatusReply({ ...order, status: 'shipped' }, 'en')).toContain('has shipped');
  });

  it('leaves a note with the order’s facts for the next agent', () => {
    expect(orderNote(order, 'en')).toMatch(
      /^Order history: BV-261009-0150 · Returned · SAR\s150\.00 · Oct 9, 2026 · 1 × Wireless earbuds$/,
    );
    expect(
      orderNote(
        { ...order, items: [...order.items, { ...order.items[0]!, sku: 'X', quantity: 2 }] },
        'ar',
      ),
    ).toMatch(
      /^سجل الطلبات: BV-261009-0150 · مُرتجع · .+ · ١ × سماعات لاسلكية، ٢ × سماعات لاسلكية$/,
    );
  });
});
