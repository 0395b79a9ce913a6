/**
 * Which apps appear where, for the person signed in: the server lists agents only the enabled
 * apps their rule shows them (administrators get every app, each with `visible_to_me`); here
 * each location keeps the apps placed in it and, beside a conversation, those of its inbox.
 */
import {
  appShownInInbox,
  type DashboardApp,
  type DashboardAppLocation,
  type Locale,
} from '@bevatel/protocol';
import { useMemo } from 'react';
import { useCurrentAccount } from '../modules/conversations/hooks';
import { useDashboardApps } from '../modules/dashboard-apps-settings/queries';

export function appsPlacedIn(
  apps: readonly DashboardApp[],
  location: DashboardAppLocation,
  inboxId: number | null,
): DashboardApp[] {
  return apps
    .filter(
      (app) =>
        app.enabled &&
        app.visible_to_me &&
        app.locations.includes(location) &&
        (inboxId === null || appShownInInbox(app.visibility, inboxId)),
    )
    .sort((a, b) => a.position - b.position || a.id - b.id);
}

const NO_APPS: DashboardApp[] = [];

/** The apps of `location` (beside a conversation of `inboxId`, or none for page locations). */
export function usePlacedApps(location: DashboardAppLocation, inboxId: number | null) {
  const account = useCurrentAccount();
  const { data } = useDashboardApps(account.id);
  return useMemo(() => appsPlacedIn(data ?? NO_APPS, location, inboxId), [data, location, inboxId]);
}

/** The app's title in the dashboard's language (the Arabic one when there is one). */
export const appTitle = (app: Pick<DashboardApp, 'title' | 'title_ar'>, locale: Locale | string) =>
  locale === 'ar' && app.title_ar ? app.title_ar : app.title;
