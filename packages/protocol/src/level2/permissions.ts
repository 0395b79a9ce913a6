/**
 * What an administrator lets a dashboard app do (PROTOCOL.md level 2). Not to be confused with
 * the iframe's `allow` features (`clipboard-write`…, see app-url.ts): those are browser
 * capabilities of the frame, these are actions on the agent's data through the host.
 */
export const APP_PERMISSIONS = [
  'notes:read',
  'composer:write',
  'notes:write',
  'labels:write',
  'attributes:write',
  'conversation:write',
  'ui',
  'request',
] as const;

export type AppPermission = (typeof APP_PERMISSIONS)[number];

/**
 * Granted to an app that has never been given a permission list (every app registered before
 * level 2, or created without one): private notes stay in `messages`, as in Chatwoot. Nothing
 * else is granted by default.
 */
export const DEFAULT_APP_PERMISSIONS: readonly AppPermission[] = ['notes:read'];

export function isAppPermission(value: unknown): value is AppPermission {
  return (APP_PERMISSIONS as readonly unknown[]).includes(value);
}

/** The words for a permission in one language: a sentence for the form, a few for the table. */
export interface PermissionWords {
  long: string;
  short: string;
}

/**
 * Plain words for the consent form and the apps table (en / ar), each shown with its technical
 * name. One place, so that the form, the table, the simulator and the docs say the same thing.
 */
export const APP_PERMISSION_LABELS: Record<
  AppPermission,
  { en: PermissionWords; ar: PermissionWords }
> = {
  'notes:read': {
    en: {
      long: 'See the private notes of the conversation it is shown with',
      short: 'Reads private notes',
    },
    ar: {
      long: 'رؤية الملاحظات الخاصة في المحادثة التي يُعرض معها',
      short: 'يقرأ الملاحظات الخاصة',
    },
  },
  'composer:write': {
    en: {
      long: "Put text into the agent's reply box (the agent still reviews and sends it)",
      short: 'Writes in the reply box',
    },
    ar: {
      long: 'وضع نص في مربع الرد لدى الموظف (يراجعه الموظف ويرسله بنفسه)',
      short: 'يكتب في مربع الرد',
    },
  },
  'notes:write': {
    en: { long: 'Add private notes to the conversation', short: 'Adds private notes' },
    ar: { long: 'إضافة ملاحظات خاصة إلى المحادثة', short: 'يضيف ملاحظات خاصة' },
  },
  'labels:write': {
    en: { long: 'Add and remove conversation labels', short: 'Changes labels' },
    ar: { long: 'إضافة وسوم المحادثة وإزالتها', short: 'يغيّر الوسوم' },
  },
  'attributes:write': {
    en: {
      long: 'Change custom attributes of the conversation and of its contact',
      short: 'Changes attributes',
    },
    ar: { long: 'تغيير السمات المخصصة للمحادثة ولجهة الاتصال الخاصة بها', short: 'يغيّر السمات' },
  },
  'conversation:write': {
    en: {
      long: 'Change the status and priority of the conversation, and assign it',
      short: 'Changes status, priority, assignee',
    },
    ar: {
      long: 'تغيير حالة المحادثة وأولويتها، وإسنادها',
      short: 'يغيّر الحالة والأولوية والإسناد',
    },
  },
  ui: {
    en: {
      long: 'Show notifications, open links and dialogs, and resize itself',
      short: 'Notifications and dialogs',
    },
    ar: { long: 'عرض الإشعارات، وفتح الروابط والنوافذ، وتغيير حجمه', short: 'الإشعارات والنوافذ' },
  },
  request: {
    en: {
      long: 'Call the web services the administrator allows, through the server, with the secure settings',
      short: 'Calls allowed web services',
    },
    ar: {
      long: 'استدعاء خدمات الويب التي يسمح بها المسؤول، عبر الخادم، باستخدام الإعدادات الآمنة',
      short: 'يستدعي خدمات ويب مسموحًا بها',
    },
  },
};

/** The HTTP header with which the host marks a write it makes on behalf of an app. */
export const APP_ID_HEADER = 'x-dashboard-app-id';
/** Beside it: the display id of the conversation the app is shown with (and acts in). */
export const APP_CONVERSATION_HEADER = 'x-dashboard-app-conversation';
