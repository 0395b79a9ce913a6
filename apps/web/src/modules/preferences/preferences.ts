import type { Locale, Profile, Theme } from '@bevatel/protocol';
import { useQueryClient } from '@tanstack/react-query';
import { useCallback, useSyncExternalStore } from 'react';
import { useApi } from '../../lib/api-context';
import { queryKeys } from '../../lib/query-keys';
import { useProfileQuery } from '../session/session';
import { readStored, prefersDark } from './browser';
import {
  LOCALE_STORAGE_KEY,
  THEME_STORAGE_KEY,
  isLocale,
  isTheme,
  resolveLocale,
  resolveTheme,
} from './resolve';

/**
 * Choices made before sign-in (or when saving fails) live in this little store; once signed in
 * the profile's ui_settings are the truth and this follows them.
 */
function readStoredSafe(key: string): string | null {
  return typeof window === 'undefined' ? null : readStored(key);
}

const storedLocale = readStoredSafe(LOCALE_STORAGE_KEY);
const storedTheme = readStoredSafe(THEME_STORAGE_KEY);
let local: { locale: Locale | null; theme: Theme | null } = {
  locale: isLocale(storedLocale) ? storedLocale : null,
  theme: isTheme(storedTheme) ? storedTheme : null,
};
const listeners = new Set<() => void>();

function setLocal(next: Partial<typeof local>): void {
  local = { ...local, ...next };
  for (const listener of listeners) listener();
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

const getLocal = () => local;

export function initialLocale(): Locale {
  return resolveLocale(null, local.locale, navigator.languages ?? [navigator.language]);
}

export function initialTheme(): Theme {
  return resolveTheme(null, local.theme, prefersDark());
}

export interface Preferences {
  locale: Locale;
  theme: Theme;
  setLocale(locale: Locale): void;
  setTheme(theme: Theme): void;
}

/** The agent's language and theme, and setters that save them to the profile. */
export function usePreferences(): Preferences {
  const api = useApi();
  const queryClient = useQueryClient();
  const { data: profile } = useProfileQuery();
  const state = useSyncExternalStore(subscribe, getLocal, getLocal);
  const locale = resolveLocale(
    profile?.ui_settings.locale,
    state.locale,
    navigator.languages ?? [navigator.language],
  );
  const theme = resolveTheme(profile?.ui_settings.theme, state.theme, prefersDark());

  const save = useCallback(
    (settings: { locale?: Locale; theme?: Theme }) => {
      setLocal(settings);
      const current = queryClient.getQueryData<Profile | null>(queryKeys.profile);
      if (!current) return;
      queryClient.setQueryData<Profile | null>(queryKeys.profile, (profile) => {
        if (!profile) return profile;
        const uiSettings: Profile['ui_settings'] = { ...profile.ui_settings };
        if (settings.locale) uiSettings.locale = settings.locale;
        if (settings.theme) uiSettings.theme = settings.theme;
        return { ...profile, ui_settings: uiSettings };
      });
      api.put('/api/v1/profile', { profile: { ui_settings: settings } }).catch(() => {
        // Not saved to the profile; the choice still applies in this browser.
      });
    },
    [api, queryClient],
  );

  return {
    locale,
    theme,
    setLocale: useCallback((next: Locale) => save({ locale: next }), [save]),
    setTheme: useCallback((next: Theme) => save({ theme: next }), [save]),
  };
}
