import type { i18n as I18n } from 'i18next';
import { useTranslation } from 'react-i18next';
import { NAMESPACE, ar, en } from './locales';

/** Adds the host's namespace to the shell's i18next instance, once. */
export function registerHostStrings(i18n: I18n): void {
  if (!i18n.hasResourceBundle('en', NAMESPACE)) i18n.addResourceBundle('en', NAMESPACE, en);
  if (!i18n.hasResourceBundle('ar', NAMESPACE)) i18n.addResourceBundle('ar', NAMESPACE, ar);
}

/** `t` of the host's namespace, registered with whichever instance the shell provides. */
export function useHostT() {
  const { i18n } = useTranslation();
  registerHostStrings(i18n);
  return useTranslation(NAMESPACE);
}
