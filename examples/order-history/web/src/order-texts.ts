/** What the app's actions write into the conversation: a reply about an order, a private note. */
import type { ApiOrder, OrderStatus } from '../../shared/orders-api';
import { formatCount, formatDate, formatMoney } from './format';
import { stringsFor } from './i18n';
import type { Locale } from './i18n';

interface Facts {
  number: string;
  date: string;
  total: string;
}

// Written to the customer, in the agent's language; the agent reviews it before sending.
const REPLIES: Record<Locale, Record<OrderStatus, (f: Facts) => string>> = {
  en: {
    processing: (f) => `Your order ${f.number} of ${f.date} (${f.total}) is being prepared.`,
    shipped: (f) =>
      `Your order ${f.number} of ${f.date} (${f.total}) has shipped and is on its way.`,
    delivered: (f) => `Your order ${f.number} of ${f.date} (${f.total}) was delivered.`,
    cancelled: (f) => `Your order ${f.number} of ${f.date} (${f.total}) was cancelled.`,
    returned: (f) =>
      `Your order ${f.number} of ${f.date} was returned: the refund of ${f.total} goes back to your original payment method.`,
  },
  ar: {
    processing: (f) => `طلبك ${f.number} بتاريخ ${f.date} (${f.total}) قيد التجهيز.`,
    shipped: (f) => `تم شحن طلبك ${f.number} بتاريخ ${f.date} (${f.total}) وهو في الطريق إليك.`,
    delivered: (f) => `تم توصيل طلبك ${f.number} بتاريخ ${f.date} (${f.total}).`,
    cancelled: (f) => `تم إلغاء طلبك ${f.number} بتاريخ ${f.date} (${f.total}).`,
    returned: (f) =>
      `تم إرجاع طلبك ${f.number} بتاريخ ${f.date}، وسيُردّ مبلغ ${f.total} إلى وسيلة الدفع الأصلية.`,
  },
};

const NOTE_PREFIX: Record<Locale, string> = { en: 'Order history', ar: 'سجل الطلبات' };

function facts(order: ApiOrder, locale: Locale): Facts {
  return {
    number: order.number,
    date: formatDate(order.placed_at, locale),
    total: formatMoney(order.total_halalas, locale),
  };
}

/** The sentence "Insert order status into reply" puts at the agent's caret. */
export function orderStatusReply(order: ApiOrder, locale: Locale): string {
  return REPLIES[locale][order.status](facts(order, locale));
}

/** The private note "Add a note" leaves: the order's facts, for the next agent. */
export function orderNote(order: ApiOrder, locale: Locale): string {
  const { number, date, total } = facts(order, locale);
  const status = stringsFor(locale).statuses[order.status];
  const items = order.items
    .map((item) => {
      const name = locale === 'ar' ? item.name_ar : item.name_en;
      return `${formatCount(item.quantity, locale)} × ${name}`;
    })
    .join(locale === 'ar' ? '، ' : ', ');
  return `${NOTE_PREFIX[locale]}: ${number} · ${status} · ${total} · ${date} · ${items}`;
}
