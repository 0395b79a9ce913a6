import { APP_PERMISSION_LABELS, type AppPermission, type PermissionWords } from '@bevatel/protocol';

/**
 * The plain words of a level-2 permission in the dashboard's language. They live in the
 * protocol package (typed for both languages), shared with the simulator and the docs.
 */
export function permissionWords(permission: AppPermission, language: string): PermissionWords {
  const words = APP_PERMISSION_LABELS[permission];
  return language.startsWith('ar') ? words.ar : words.en;
}
