/** Runs the actions one at a time and keeps the latest outcome beside the button clicked. */
import { useCallback, useState } from 'react';
import type { DashboardAppClient } from '@bevatel/dashboard-app-sdk';
import type { ApiOrder } from '../../shared/orders-api';
import { runAction } from './actions';
import type { ActionName, ActionOutcome } from './actions';
import type { ActionStrings, Locale } from './i18n';

export interface Feedback extends Partial<ActionOutcome> {
  /** Where it is shown: 'label' or an order number. */
  place: string;
  busy: boolean;
}

export interface Actions {
  feedback: Feedback | null;
  run(action: ActionName, order: ApiOrder | null): void;
}

/** Null until the dashboard answered the level-2 hello (never, in a level-1 dashboard). */
export function useActions(
  app: DashboardAppClient | null,
  contactKey: string,
  locale: Locale,
  t: ActionStrings,
): Actions | null {
  const [kept, setFeedback] = useState<(Feedback & { contactKey: string }) | null>(null);
  // What was said about one customer is not left beside another's orders.
  const feedback = kept?.contactKey === contactKey ? kept : null;

  const run = useCallback(
    (action: ActionName, order: ApiOrder | null) => {
      if (!app) return;
      const place = order?.number ?? 'label';
      setFeedback({ contactKey, place, busy: true });
      void runAction(app, action, order, locale, t).then((outcome) =>
        setFeedback((current) =>
          current?.place === place && current.contactKey === contactKey
            ? { contactKey, place, busy: false, ...outcome }
            : current,
        ),
      );
    },
    [app, contactKey, locale, t],
  );
  return app ? { feedback, run } : null;
}
