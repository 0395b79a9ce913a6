import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { applyToDocument } from '../modules/preferences/browser';
import { usePreferences } from '../modules/preferences/preferences';

/** Keeps i18next, <html lang dir> and the theme in step with the agent's choices. */
export function PreferencesSync() {
  const { locale, theme } = usePreferences();
  const { i18n, t } = useTranslation();
  useEffect(() => {
    applyToDocument(locale, theme);
    if (i18n.language !== locale) void i18n.changeLanguage(locale);
  }, [locale, theme, i18n]);
  useEffect(() => {
    document.title = t('app.title');
  }, [t, locale]);
  return null;
}
