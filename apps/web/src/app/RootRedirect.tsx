import { useTranslation } from 'react-i18next';
import { Navigate } from 'react-router';
import { EmptyState, ErrorState, LoadingState } from '../components/States';
import { InvitationBanner } from '../modules/invitations/InvitationBanner';
import { useProfileQuery } from '../modules/session/session';

/** `/` and `/app`: to the first account's conversations, or to sign-in. */
export function RootRedirect() {
  const { t } = useTranslation();
  const { data: profile, isPending, error, refetch } = useProfileQuery();
  if (isPending) return <LoadingState />;
  if (error) return <ErrorState error={error} onRetry={() => void refetch()} />;
  if (!profile) return <Navigate to="/app/login" replace />;
  const first = profile.accounts[0];
  if (!first) {
    return (
      <main className="page-center">
        <InvitationBanner />
        <EmptyState title={t('errors.noAccount')} icon="alert" />
      </main>
    );
  }
  return <Navigate to={`/app/accounts/${first.id}/conversations`} replace />;
}
