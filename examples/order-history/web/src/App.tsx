import { useEffect } from 'react';
import type { ReactNode } from 'react';
import { isInsideDashboard } from '@bevatel/dashboard-app-sdk';
import { useAppContext } from '@bevatel/dashboard-app-sdk/react';
import type { AppContextData } from '@bevatel/dashboard-app-sdk';
import { browserLocale, stringsFor } from './i18n';
import type { Locale, Strings } from './i18n';
import { OrderList } from './OrderList';
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
  const { context } = useAppContext({ trustedOrigins: TRUSTED_ORIGINS });
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
  return <Orders context={context} locale={locale} t={t} />;
}

function Orders({ context, locale, t }: { context: AppContextData; locale: Locale; t: Strings }) {
  const view = useOrders(context);
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
      return <OrderList name={name} orders={view.data.orders} locale={locale} t={t} />;
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
