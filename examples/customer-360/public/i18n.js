// The app's strings in both languages the dashboard speaks. The dashboard tells the app which one
// to use (`locale`) and in which direction to lay it out (`dir`).

export const STRINGS = {
  en: {
    title: 'Customer 360',
    outside: 'Open this app inside the Bevatel dashboard',
    outsideHint: 'It shows the customer of the conversation you are looking at.',
    waiting: 'Waiting for the conversation…',
    refresh: 'Refresh',
    refreshing: 'Refreshing…',
    refreshFailed: 'The dashboard did not answer. Try again.',
    contact: 'Contact',
    unnamed: 'Unnamed contact',
    email: 'Email',
    phone: 'Phone',
    company: 'Company',
    identifier: 'Identifier',
    social: 'Social profiles',
    customAttributes: 'Custom attributes',
    noValue: '—',
    conversation: 'Conversation',
    status: 'Status',
    priority: 'Priority',
    assignee: 'Assignee',
    unassigned: 'Unassigned',
    team: 'Team',
    labels: 'Labels',
    noLabels: 'No labels',
    lastMessages: 'Last messages',
    noMessages: 'No messages yet',
    noText: '(no text)',
    incoming: 'Customer',
    outgoing: 'Agent',
    note: 'Private note',
    template: 'Template',
    statuses: { open: 'Open', resolved: 'Resolved', pending: 'Pending', snoozed: 'Snoozed' },
    priorities: { none: 'None', low: 'Low', medium: 'Medium', high: 'High', urgent: 'Urgent' },
    value: 'Customer value',
    valueLoading: 'Loading the CRM figures…',
    valueUnsigned:
      'CRM figures need a signed context: an administrator gives this app a signing secret.',
    valueFailed: 'The CRM did not answer. Refresh to try again.',
    lifetimeValue: 'Lifetime value',
    orders: 'Orders',
    ticketsThisYear: 'Tickets this year',
    tier: 'Tier',
    tiers: { standard: 'Standard', silver: 'Silver', gold: 'Gold' },
    customerSince: 'Customer since',
    lastOrder: 'Last order',
    orderStatuses: { delivered: 'Delivered', shipped: 'Shipped', processing: 'Processing' },
  },
  ar: {
    title: 'العميل 360',
    outside: 'افتح هذا التطبيق داخل لوحة تحكم Bevatel',
    outsideHint: 'يعرض بيانات عميل المحادثة التي تعمل عليها.',
    waiting: 'في انتظار المحادثة…',
    refresh: 'تحديث',
    refreshing: 'جارٍ التحديث…',
    refreshFailed: 'لم تستجب لوحة التحكم. حاول مرة أخرى.',
    contact: 'جهة الاتصال',
    unnamed: 'جهة اتصال بلا اسم',
    email: 'البريد الإلكتروني',
    phone: 'الهاتف',
    company: 'الشركة',
    identifier: 'المعرّف',
    social: 'الحسابات الاجتماعية',
    customAttributes: 'السمات المخصصة',
    noValue: '—',
    conversation: 'المحادثة',
    status: 'الحالة',
    priority: 'الأولوية',
    assignee: 'الموظف المسؤول',
    unassigned: 'غير مسندة',
    team: 'الفريق',
    labels: 'التسميات',
    noLabels: 'لا توجد تسميات',
    lastMessages: 'آخر الرسائل',
    noMessages: 'لا توجد رسائل بعد',
    noText: '(بلا نص)',
    incoming: 'العميل',
    outgoing: 'الموظف',
    note: 'ملاحظة خاصة',
    template: 'قالب',
    statuses: { open: 'مفتوحة', resolved: 'محلولة', pending: 'معلّقة', snoozed: 'مؤجلة' },
    priorities: { none: 'بلا', low: 'منخفضة', medium: 'متوسطة', high: 'عالية', urgent: 'عاجلة' },
    value: 'قيمة العميل',
    valueLoading: 'جارٍ تحميل أرقام نظام العملاء…',
    valueUnsigned: 'تحتاج أرقام نظام العملاء إلى سياق موقّع: يمنح المسؤول هذا التطبيق سر توقيع.',
    valueFailed: 'لم يستجب نظام العملاء. اضغط تحديث للمحاولة مرة أخرى.',
    lifetimeValue: 'إجمالي المشتريات',
    orders: 'الطلبات',
    ticketsThisYear: 'طلبات الدعم هذا العام',
    tier: 'الفئة',
    tiers: { standard: 'عادية', silver: 'فضية', gold: 'ذهبية' },
    customerSince: 'عميل منذ',
    lastOrder: 'آخر طلب',
    orderStatuses: { delivered: 'تم التسليم', shipped: 'تم الشحن', processing: 'قيد التجهيز' },
  },
};

/** @typedef {keyof typeof STRINGS} Locale */
/** @typedef {typeof STRINGS.en} Strings */

/**
 * @param {unknown} locale
 * @returns {Strings}
 */
export function stringsFor(locale) {
  return locale === 'ar' ? STRINGS.ar : STRINGS.en;
}

/** Before any context arrives, the browser's language is the best guess. */
export function browserLocale() {
  return navigator.language.toLowerCase().startsWith('ar') ? 'ar' : 'en';
}
