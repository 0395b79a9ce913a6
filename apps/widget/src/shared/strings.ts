/** The widget's words, in the two languages the product speaks. */
import type { WidgetLocale } from '@bevatel/protocol';

export const STRINGS = {
  en: {
    open: 'Open chat',
    close: 'Close chat',
    unread: (n: number) => `${n} unread ${n === 1 ? 'message' : 'messages'}`,
    title: 'Chat with us',
    placeholder: 'Type your message…',
    send: 'Send',
    typing: (name: string) => `${name || 'Someone'} is typing…`,
    away: 'We are away right now',
    name: 'Your name',
    email: 'Your e-mail',
    start: 'Start the conversation',
    required: 'Required',
    invalidEmail: 'Enter a valid e-mail address',
    you: 'You',
    offline: 'Reconnecting…',
    failed: 'Not sent. Try again.',
    messages: 'Messages',
  },
  ar: {
    open: 'افتح المحادثة',
    close: 'أغلق المحادثة',
    unread: (n: number) => `${n} رسائل غير مقروءة`,
    title: 'تحدث معنا',
    placeholder: 'اكتب رسالتك…',
    send: 'إرسال',
    typing: (name: string) => `${name || 'أحدهم'} يكتب…`,
    away: 'نحن غير متاحين الآن',
    name: 'اسمك',
    email: 'بريدك الإلكتروني',
    start: 'ابدأ المحادثة',
    required: 'مطلوب',
    invalidEmail: 'أدخل بريدًا إلكترونيًا صحيحًا',
    you: 'أنت',
    offline: 'جارٍ إعادة الاتصال…',
    failed: 'لم تُرسل. حاول مرة أخرى.',
    messages: 'الرسائل',
  },
} as const;

export type Strings = (typeof STRINGS)[WidgetLocale];

export const localeOf = (value: unknown): WidgetLocale =>
  typeof value === 'string' && value.toLowerCase().startsWith('ar') ? 'ar' : 'en';
