import { useEffect } from 'react';
import type { ReactNode } from 'react';
import { isInsideDashboard } from '@bevatel/dashboard-app-sdk';
import { useAppContext, useDashboardApp } from '@bevatel/dashboard-app-sdk/react';
import type { AppContextData, DashboardAppClient } from '@bevatel/dashboard-app-sdk';
import { browserLocale, stringsFor } from './i18n';
import type { Locale, Strings } from './i18n';
import { OrderList } from './OrderList';
import { useActions } from './use-actions';
import { useOrders } from './use-orders';

/**
 * The dashboard origins the backend was configured with. Exact origins become the SDK's
 * trustedOrigins; a wildcard (or `vite dev`, which leaves the placeholder) leaves the check to
 * the browser, which only lets those origins frame the app (CSP frame-ancestors).
 */
function readTrustedOrigins(): string[] | undefined {
  const content =
    document.querySelector('meta[name="dashboard-origins"]')?.getAttribute('content') ?? '';
  const origins = content.split(/\s+/).filter(Boolean);
  const exact = origins.every((origin) => /^https?:\/\/[^*\s/]+$/.test(origin));
  return origins.length > 0 && exact ? origins : undefined;
}

const TRUSTED_ORIGINS = readTrustedOrigins();

function usePresentation(locale: Locale, dir: string, theme: string): void {
  useEffect(() => {
    const html = document.documentElement;
    html.lang = locale;
    html.dir = dir === 'rtl' ? 'rtl' : 'ltr';
    html.dataset.theme = theme === 'dark' ? 'dark' : 'light';
  }, [locale, dir, theme]);
}

export function App() {
  // Level 1 shows the orders in every dashboard; level 2 adds the actions where it is spoken.
  const { context } = useAppContext({ trustedOrigins: TRUSTED_ORIGINS });
  const { app } = useDashboardApp({ trustedOrigins: TRUSTED_ORIGINS });
  const locale: Locale = context ? (context.locale === 'ar' ? 'ar' : 'en') : browserLocale();
  usePresentation(
    locale,
    context?.dir ?? (locale === 'ar' ? 'rtl' : 'ltr'),
    context?.theme ?? 'light',
  );
  const t = stringsFor(locale);

  if (!context) {
    return isInsideDashboard() ? (
      <Notice testid="waiting" title={t.waiting} />
    ) : (
      <Notice testid="outside" title={t.outside} hint={t.outsideHint} />
    );
  }
  return <Orders context={context} app={app} locale={locale} t={t} />;
}

interface OrdersProps {
  context: AppContextData;
  app: DashboardAppClient | null;
  locale: Locale;
  t: Strings;
}

function Orders({ context, app, locale, t }: OrdersProps) {
  const view = useOrders(context);
  const actions = useActions(app, `${context.account.id}:${context.contact.id}`, locale, t.actions);
  switch (view.state) {
    case 'loading':
      return <Notice testid="loading" title={t.loading} />;
    case 'unauthorized':
      // Nothing about the customer is shown: not even what the page itself was told.
      return (
        <Notice
          testid="outside"
          title={t.outside}
          hint={view.reason === 'no_token' ? t.noToken : t.outsideHint}
        />
      );
    case 'error':
      return (
        <Notice testid="error" title={t.failed}>
          <button type="button" className="button" onClick={view.retry}>
            {t.retry}
          </button>
        </Notice>
      );
    case 'ready': {
      const name = context.contact.name || context.contact.email || `#${context.contact.id}`;
      return (
        <OrderList name={name} orders={view.data.orders} locale={locale} t={t} actions={actions} />
      );
    }
  }
}

function Notice({
  testid,
  title,
  hint,
  children,
}: {
  testid: string;
  title: string;
  hint?: string;
  children?: ReactNode;
}) {
  return (
    <main className="notice" data-testid={testid} aria-live="polite">
      <p className="notice-title">{title}</p>
      {hint && <p className="muted">{hint}</p>}
      {children}
    </main>
  );
}
