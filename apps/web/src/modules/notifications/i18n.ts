import { useTranslation } from 'react-i18next';
import { NAMESPACE, ar, en } from './locales';

/** `t` of the notifications namespace, added to the shell's i18next instance on first use. */
export function useNotificationsT() {
  const { i18n } = useTranslation();
  if (!i18n.hasResourceBundle('en', NAMESPACE)) i18n.addResourceBundle('en', NAMESPACE, en);
  if (!i18n.hasResourceBundle('ar', NAMESPACE)) i18n.addResourceBundle('ar', NAMESPACE, ar);
  return useTranslation(NAMESPACE);
}
