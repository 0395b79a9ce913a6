import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { StrictMode, Suspense } from 'react';
import { createRoot } from 'react-dom/client';
import { RouterProvider } from 'react-router';
import { createRouter } from './app/router';
import { PreferencesSync } from './app/PreferencesSync';
import { LoadingState } from './components/States';
import { initI18n } from './i18n';
import { ApiError, createApiClient } from './lib/api';
import { ApiProvider } from './lib/api-context';
import { queryKeys } from './lib/query-keys';
import { applyToDocument } from './modules/preferences/browser';
import { initialLocale, initialTheme } from './modules/preferences/preferences';
import './styles/global.css';

const queryClient = new QueryClient({
  defaultOptions: {
    queries: {
      staleTime: 30_000,
      refetchOnWindowFocus: false,
      // A 4xx will not change by asking again; network and server errors might.
      retry: (count, error) =>
        !(error instanceof ApiError && error.status >= 400 && error.status < 500) && count < 2,
    },
  },
});

const api = createApiClient({
  onUnauthorized: () => queryClient.setQueryData(queryKeys.profile, null),
});

const locale = initialLocale();
applyToDocument(locale, initialTheme());
initI18n(locale);

const router = createRouter();

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <ApiProvider client={api}>
      <QueryClientProvider client={queryClient}>
        <PreferencesSync />
        <Suspense fallback={<LoadingState />}>
          <RouterProvider router={router} />
        </Suspense>
      </QueryClientProvider>
    </ApiProvider>
  </StrictMode>,
);
