/**
 * Strings of notifications and mentions, in their own i18next namespace (English and Arabic).
 * Notification type names stay Chatwoot's in code; the sentences beside them are translated.
 */
export const NAMESPACE = 'notifications';

export const en = {
  bell: {
    label: 'Notifications',
    labelUnread_one: 'Notifications, {{count}} unread',
    labelUnread_other: 'Notifications, {{count}} unread',
  },
  panel: {
    title: 'Notifications',
    markAllRead: 'Mark all read',
    markRead: 'Mark read',
    markReadOf: 'Mark read: {{title}}',
    empty: 'Nothing new. Assignments, mentions and replies to your conversations show up here.',
    loading: 'Loading notifications…',
    failed: 'Notifications could not be loaded.',
    unread: 'Unread',
    settings: 'Alerts',
    sound: 'Play a sound',
    browser: 'Browser notifications',
    browserAsk: 'Allow browser notifications',
    browserDenied: 'Blocked by the browser: allow them in its site settings.',
    browserUnsupported: 'This browser cannot show notifications.',
  },
  type: {
    conversation_assignment: 'Conversation {{id}} was assigned to you',
    conversation_mention: '{{name}} mentioned you in conversation {{id}}',
    assigned_conversation_new_message: 'New message from {{name}} in conversation {{id}}',
    snoozed_conversation_reopened: 'Snoozed conversation {{id}} reopened',
  },
  someone: 'Someone',
  mention: {
    listLabel: 'Agents to mention',
    none: 'No agent matches',
    hint: 'Type @ to mention an agent',
  },
};

export const ar: typeof en & { bell: Record<string, string> } = {
  bell: {
    label: 'الإشعارات',
    labelUnread_zero: 'الإشعارات، لا شيء غير مقروء',
    labelUnread_one: 'الإشعارات، إشعار واحد غير مقروء',
    labelUnread_two: 'الإشعارات، إشعاران غير مقروءين',
    labelUnread_few: 'الإشعارات، {{count}} إشعارات غير مقروءة',
    labelUnread_many: 'الإشعارات، {{count}} إشعارًا غير مقروء',
    labelUnread_other: 'الإشعارات، {{count}} إشعار غير مقروء',
  },
  panel: {
    title: 'الإشعارات',
    markAllRead: 'تعليم الكل كمقروء',
    markRead: 'تعليم كمقروء',
    markReadOf: 'تعليم كمقروء: {{title}}',
    empty: 'لا جديد. تظهر هنا المحادثات المسندة إليك والإشارات والردود في محادثاتك.',
    loading: 'جارٍ تحميل الإشعارات…',
    failed: 'تعذّر تحميل الإشعارات.',
    unread: 'غير مقروء',
    settings: 'التنبيهات',
    sound: 'تشغيل صوت',
    browser: 'إشعارات المتصفح',
    browserAsk: 'السماح بإشعارات المتصفح',
    browserDenied: 'حظرها المتصفح: اسمح بها من إعدادات الموقع فيه.',
    browserUnsupported: 'لا يستطيع هذا المتصفح عرض الإشعارات.',
  },
  type: {
    conversation_assignment: 'أُسندت إليك المحادثة {{id}}',
    conversation_mention: 'أشار إليك {{name}} في المحادثة {{id}}',
    assigned_conversation_new_message: 'رسالة جديدة من {{name}} في المحادثة {{id}}',
    snoozed_conversation_reopened: 'أُعيد فتح المحادثة المؤجلة {{id}}',
  },
  someone: 'شخص ما',
  mention: {
    listLabel: 'الوكلاء الذين يمكن الإشارة إليهم',
    none: 'لا يوجد وكيل مطابق',
    hint: 'اكتب @ للإشارة إلى وكيل',
  },
};
