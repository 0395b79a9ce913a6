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
  unreachableTitle: '{{title}} cannot be reached',
  unreachableBody:
    'Its server at {{origin}} did not answer: it may be down, or its address may be wrong. Try again, or open it in a new tab.',
  refusedTitle: '{{title}} refuses to be shown inside the dashboard',
  refusedBody:
    'Its server answers with “{{header}}: {{value}}”, which does not let {{dashboard}} show it in a frame. An administrator of the app can allow this dashboard in its Content-Security-Policy frame-ancestors (and drop X-Frame-Options). Meanwhile, open it in a new tab.',
  notEmbeddable: '{{title}} cannot be shown here: its address is not allowed in the dashboard.',
  noFrames: '{{title}} has no page to show.',
  closeModal: 'Close',
  sidebar: 'Apps beside the conversation',
  showSidebarApps: 'Apps ({{count}})',
  hideSidebarApps: 'Hide apps',
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
  unreachableTitle: 'تعذّر الوصول إلى {{title}}',
  unreachableBody:
    'لم يردّ خادمه على {{origin}}: ربما هو متوقف، أو عنوانه غير صحيح. أعد المحاولة، أو افتحه في علامة تبويب جديدة.',
  refusedTitle: 'يرفض {{title}} أن يُعرض داخل لوحة المعلومات',
  refusedBody:
    'يردّ خادمه بالترويسة «{{header}}: {{value}}» التي لا تسمح لـ {{dashboard}} بعرضه في إطار. يستطيع مسؤول التطبيق السماح لهذه اللوحة في frame-ancestors ضمن Content-Security-Policy (وإزالة X-Frame-Options). وإلى ذلك الحين، افتحه في علامة تبويب جديدة.',
  notEmbeddable: 'لا يمكن عرض {{title}} هنا: عنوانه غير مسموح به في لوحة المعلومات.',
  noFrames: 'لا توجد صفحة لعرضها في {{title}}.',
  closeModal: 'إغلاق',
  sidebar: 'التطبيقات بجانب المحادثة',
  showSidebarApps: 'التطبيقات ({{count}})',
  hideSidebarApps: 'إخفاء التطبيقات',
};
