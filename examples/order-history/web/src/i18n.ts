/** The app's strings in the dashboard's two languages. */
import type { OrderStatus } from '../../shared/orders-api';

export type Locale = 'en' | 'ar';

export interface Strings {
  title: string;
  outside: string;
  outsideHint: string;
  noToken: string;
  waiting: string;
  loading: string;
  failed: string;
  retry: string;
  ordersOf: (name: string) => string;
  /** `count` picks the plural; `countText` is it formatted for the locale. */
  summary: (count: number, countText: string, total: string) => string;
  noOrders: string;
  total: string;
  statuses: Record<OrderStatus, string>;
}

const en: Strings = {
  title: 'Order history',
  outside: 'This app only works inside the Bevatel dashboard',
  outsideHint: 'Open a conversation in the dashboard and choose the Order history tab.',
  noToken:
    'The dashboard sent no signed context. An administrator can give this app a signing secret in Settings › Integrations › Dashboard Apps.',
  waiting: 'Waiting for the conversation…',
  loading: 'Loading orders…',
  failed: 'The orders could not be loaded.',
  retry: 'Try again',
  ordersOf: (name) => `Orders of ${name}`,
  summary: (count, countText, total) =>
    `${countText} ${count === 1 ? 'order' : 'orders'} · ${total} in total`,
  noOrders: 'No orders yet.',
  total: 'Total',
  statuses: {
    processing: 'Processing',
    shipped: 'Shipped',
    delivered: 'Delivered',
    cancelled: 'Cancelled',
    returned: 'Returned',
  },
};

const ar: Strings = {
  title: 'سجل الطلبات',
  outside: 'هذا التطبيق يعمل داخل لوحة تحكم Bevatel فقط',
  outsideHint: 'افتح محادثة في لوحة التحكم واختر تبويب سجل الطلبات.',
  noToken:
    'لم ترسل لوحة التحكم سياقًا موقّعًا. يمكن للمسؤول منح هذا التطبيق مفتاح توقيع من الإعدادات › التكاملات › تطبيقات لوحة التحكم.',
  waiting: 'في انتظار المحادثة…',
  loading: 'جارٍ تحميل الطلبات…',
  failed: 'تعذّر تحميل الطلبات.',
  retry: 'حاول مرة أخرى',
  ordersOf: (name) => `طلبات ${name}`,
  summary: (_count, countText, total) => `عدد الطلبات: ${countText} · الإجمالي: ${total}`,
  noOrders: 'لا توجد طلبات بعد.',
  total: 'الإجمالي',
  statuses: {
    processing: 'قيد المعالجة',
    shipped: 'تم الشحن',
    delivered: 'تم التوصيل',
    cancelled: 'ملغى',
    returned: 'مُرتجع',
  },
};

export function stringsFor(locale: Locale): Strings {
  return locale === 'ar' ? ar : en;
}

/** Before any context arrives, the browser's language is the best guess. */
export function browserLocale(): Locale {
  return navigator.language.toLowerCase().startsWith('ar') ? 'ar' : 'en';
}
