/** The app's strings in the dashboard's two languages. */
import type { OrderStatus } from '../../shared/orders-api';

export type Locale = 'en' | 'ar';

/** The permissions the actions need (level 2), as the administrator's form names them. */
export type ActionPermission = 'composer:write' | 'labels:write' | 'notes:write';

export interface ActionStrings {
  insertReply: string;
  addNote: string;
  addLabel: (label: string) => string;
  working: string;
  /** Where composer.insert put the text: the box on screen, or the draft behind the tab. */
  inserted: Record<'composer' | 'draft', string>;
  noteAdded: string;
  labelAdded: (label: string) => string;
  /** permission_denied: which permission, in the words of the administrator's form. */
  needsPermission: (permission: ActionPermission) => string;
  noSuchLabel: (label: string) => string;
  forbidden: string;
  conflict: string;
  timeout: string;
  failed: string;
}

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
  actions: ActionStrings;
}

// The same words as the dashboard's consent form (packages/protocol APP_PERMISSION_LABELS).
const PERMISSION_WORDS: Record<Locale, Record<ActionPermission, string>> = {
  en: {
    'composer:write': "Put text into the agent's reply box (the agent still reviews and sends it)",
    'labels:write': 'Add and remove conversation labels',
    'notes:write': 'Add private notes to the conversation',
  },
  ar: {
    'composer:write': 'وضع نص في مربع الرد لدى الموظف (يراجعه الموظف ويرسله بنفسه)',
    'labels:write': 'إضافة وسوم المحادثة وإزالتها',
    'notes:write': 'إضافة ملاحظات خاصة إلى المحادثة',
  },
};

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
  actions: {
    insertReply: 'Insert order status into reply',
    addNote: 'Add a note',
    addLabel: (label) => `Add label ${label}`,
    working: 'Working…',
    inserted: {
      composer: 'Added to your reply. Review it, then send it yourself.',
      draft: 'Added to your reply: open Messages to review it and send it yourself.',
    },
    noteAdded: 'Private note added to the conversation.',
    labelAdded: (label) => `Label ${label} added to the conversation.`,
    needsPermission: (permission) =>
      `Order history may not do this yet. Ask an administrator to allow “${PERMISSION_WORDS.en[permission]}” (${permission}) for Order history in Settings › Integrations › Dashboard Apps.`,
    noSuchLabel: (label) =>
      `This account has no label ${label}. An administrator can add it in Settings › Labels.`,
    forbidden: 'You may not change this conversation (it may be in an inbox you are not in).',
    conflict: 'The conversation changed before this was done. Try again.',
    timeout: 'The dashboard did not answer. Try again.',
    failed: 'That did not work. Try again.',
  },
};

const ar: Strings = {
  title: 'سجل الطلبات',
  outside: 'هذا التطبيق يعمل داخل لوحة تحكم Bevatel فقط',
  outsideHint: 'افتح محادثة في لوحة التحكم واختر تبويب سجل الطلبات.',
  noToken:
    'لم ترسل لوحة التحكم سياقًا موقّعًا. يمكن للمسؤول منح هذا التطبيق مفتاح توقيع من الإعدادات › عمليات التكامل › تطبيقات لوحة المعلومات.',
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
  actions: {
    insertReply: 'إدراج حالة الطلب في الرد',
    addNote: 'إضافة ملاحظة',
    addLabel: (label) => `إضافة الوسم ${label}`,
    working: 'جارٍ التنفيذ…',
    inserted: {
      composer: 'أُضيف النص إلى ردّك. راجعه ثم أرسله بنفسك.',
      draft: 'أُضيف النص إلى ردّك: افتح الرسائل لمراجعته وإرساله بنفسك.',
    },
    noteAdded: 'أُضيفت ملاحظة خاصة إلى المحادثة.',
    labelAdded: (label) => `أُضيف الوسم ${label} إلى المحادثة.`,
    needsPermission: (permission) =>
      `لا يُسمح لسجل الطلبات بهذا بعد. اطلب من المسؤول السماح بـ«${PERMISSION_WORDS.ar[permission]}» (${permission}) لتطبيق سجل الطلبات من الإعدادات › عمليات التكامل › تطبيقات لوحة المعلومات.`,
    noSuchLabel: (label) =>
      `لا يوجد في هذا الحساب وسم ${label}. يمكن للمسؤول إضافته من الإعدادات › الوسوم.`,
    forbidden: 'لا يمكنك تعديل هذه المحادثة (قد تكون في صندوق وارد لست عضوًا فيه).',
    conflict: 'تغيّرت المحادثة قبل التنفيذ. حاول مرة أخرى.',
    timeout: 'لم تستجب لوحة التحكم. حاول مرة أخرى.',
    failed: 'لم ينجح ذلك. حاول مرة أخرى.',
  },
};

export function stringsFor(locale: Locale): Strings {
  return locale === 'ar' ? ar : en;
}

/** Before any context arrives, the browser's language is the best guess. */
export function browserLocale(): Locale {
  return navigator.language.toLowerCase().startsWith('ar') ? 'ar' : 'en';
}
