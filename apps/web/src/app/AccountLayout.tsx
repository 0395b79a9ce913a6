import { Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, Outlet, useLocation, useParams } from 'react-router';
import { ErrorState, LoadingState } from '../components/States';
import { Toaster } from '../components/Toaster';
import { useRealtime } from '../modules/realtime/useRealtime';
import { InvitationBanner } from '../modules/invitations/InvitationBanner';
import { KeyboardShortcuts } from '../modules/shortcuts/KeyboardShortcuts';
import { AccountProvider } from '../modules/session/account';
import { useProfileQuery } from '../modules/session/session';
import { AppHeader } from './AppHeader';
import { NotFoundPage } from './NotFoundPage';
import { SideNav } from './SideNav';
import type { AccountRef, Profile } from '@bevatel/protocol';

/** Signed-in shell of one account: header, navigation, main area, and the realtime socket. */
export function AccountLayout() {
  const { data: profile, isPending, error, refetch } = useProfileQuery();
  const location = useLocation();
  const { accountId } = useParams();
  if (isPending) return <LoadingState />;
  if (error) return <ErrorState error={error} onRetry={() => void refetch()} />;
  if (!profile) {
    const from = `${location.pathname}${location.search}`;
    return <Navigate to={`/app/login?from=${encodeURIComponent(from)}`} replace />;
  }
  const account = profile.accounts.find((a) => String(a.id) === accountId);
  if (!account) return <NotFoundPage />;
  return <SignedInShell key={account.id} profile={profile} account={account} />;
}

function SignedInShell({ profile, account }: { profile: Profile; account: AccountRef }) {
  const { t } = useTranslation();
  const realtime = useRealtime(account.id, profile.id);
  return (
    <AccountProvider account={account}>
      <div className="app-shell">
        <a className="skip-link" href="#main">
          {t('app.skipToContent')}
        </a>
        <AppHeader profile={profile} realtime={realtime} />
        <SideNav />
        <main id="main" className="app-main" tabIndex={-1}>
          <InvitationBanner />
          <Suspense fallback={<LoadingState />}>
            <Outlet />
          </Suspense>
        </main>
        <Toaster />
        <KeyboardShortcuts />
      </div>
    </AccountProvider>
  );
}
