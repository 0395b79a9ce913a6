/** The host's strings (tabs, frame states), in their own i18next namespace. */
export const NAMESPACE = 'dashboardAppsHost';

export const en = {
  tablist: 'Conversation views',
  messages: 'Messages',
  loading: 'Loading {{title}}…',
  timeoutTitle: '{{title}} is taking too long to load',
  timeoutBody: 'The app did not finish loading. Try again, or open it in a new tab.',
  retry: 'Retry',
  openInNewTab: 'Open in new tab',
  notEmbeddable: '{{title}} cannot be shown here: its address is not allowed in the dashboard.',
  noFrames: '{{title}} has no page to show.',
};

export type HostStrings = typeof en;

export const ar: HostStrings = {
  tablist: 'عروض المحادثة',
  messages: 'الرسائل',
  loading: 'جارٍ تحميل {{title}}…',
  timeoutTitle: 'يستغرق تحميل {{title}} وقتًا طويلًا',
  timeoutBody: 'لم يكتمل تحميل التطبيق. أعد المحاولة، أو افتحه في علامة تبويب جديدة.',
  retry: 'إعادة المحاولة',
  openInNewTab: 'فتح في علامة تبويب جديدة',
  notEmbeddable: 'لا يمكن عرض {{title}} هنا: عنوانه غير مسموح به في لوحة المعلومات.',
  noFrames: 'لا توجد صفحة لعرضها في {{title}}.',
};
