import type { Invitation } from '@bevatel/protocol';
import { useQuery } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Navigate, useParams } from 'react-router';
import { Icon } from '../../components/Icon';
import { ErrorState, LoadingState } from '../../components/States';
import { TextField } from '../../components/TextField';
import { ApiError } from '../../lib/api';
import { fieldErrorText } from '../../lib/field-error';
import { useApi } from '../../lib/api-context';
import { queryKeys } from '../../lib/query-keys';
import { useAcceptInvitationLink, useProfileQuery } from '../session/session';
import { useAnswerInvitation } from './api';

/**
 * `/app/invitations/:token`: the one-time link. Someone new chooses their name and password
 * here; someone who already has an account signs in and accepts as themselves.
 */
export function InvitationPage() {
  const { t } = useTranslation();
  const { token = '' } = useParams();
  const api = useApi();
  const profile = useProfileQuery();
  // Held here: joining signs the person in, and the page must not then offer to answer again.
  const accept = useAcceptInvitationLink(token);
  const invitation = useQuery({
    queryKey: queryKeys.invitationLink(token),
    queryFn: async () => (await api.get(`/auth/invitations/${encodeURIComponent(token)}`)).data,
    retry: false,
  });

  if (accept.isSuccess) {
    return <Navigate to={`/app/accounts/${accept.data.data.account_id}/conversations`} replace />;
  }
  if (invitation.isPending || profile.isPending) return <LoadingState />;
  if (invitation.error) {
    const gone =
      invitation.error instanceof ApiError && [404, 410, 422].includes(invitation.error.status);
    return (
      <main className="login-page">
        <div className="login-card">
          {gone ? (
            <>
              <h1>{t('invitations.goneTitle')}</h1>
              <p>{t('invitations.gone')}</p>
              <Link to="/app/login">{t('invitations.toSignIn')}</Link>
            </>
          ) : (
            <ErrorState error={invitation.error} onRetry={() => void invitation.refetch()} />
          )}
        </div>
      </main>
    );
  }
  return (
    <main className="login-page">
      <div className="login-card">
        <h1>{t('invitations.title', { account: invitation.data.account_name ?? '' })}</h1>
        <p>
          {t('invitations.intro', {
            email: invitation.data.email,
            role: t(`roles.${invitation.data.role}`),
          })}
        </p>
        {profile.data ? (
          <SignedInAnswer invitation={invitation.data} email={profile.data.email} />
        ) : (
          <NewAccountForm token={token} invitation={invitation.data} accept={accept} />
        )}
      </div>
    </main>
  );
}

function SignedInAnswer({ invitation, email }: { invitation: Invitation; email: string }) {
  const { t } = useTranslation();
  const answer = useAnswerInvitation();
  if (answer.isSuccess && answer.variables.answer === 'accept') {
    return <Navigate to={`/app/accounts/${invitation.account_id}/conversations`} replace />;
  }
  if (answer.isSuccess) return <Navigate to="/app" replace />;
  if (email !== invitation.email) {
    return <p role="alert">{t('invitations.otherPerson', { email: invitation.email })}</p>;
  }
  return (
    <div className="invitation-banner-actions">
      <button
        type="button"
        className="button button-primary"
        disabled={answer.isPending}
        onClick={() => answer.mutate({ id: invitation.id, answer: 'accept' })}
      >
        {t('invitations.accept')}
      </button>
      <button
        type="button"
        className="button"
        disabled={answer.isPending}
        onClick={() => answer.mutate({ id: invitation.id, answer: 'decline' })}
      >
        {t('invitations.decline')}
      </button>
    </div>
  );
}

function NewAccountForm({
  token,
  invitation,
  accept,
}: {
  token: string;
  invitation: Invitation;
  accept: ReturnType<typeof useAcceptInvitationLink>;
}) {
  const { t } = useTranslation();
  const [name, setName] = useState(invitation.name);
  const [password, setPassword] = useState('');
  const [confirmation, setConfirmation] = useState('');
  const [mismatch, setMismatch] = useState(false);

  const error = accept.error instanceof ApiError ? accept.error : null;
  const hasAccount = error?.status === 409;
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    setMismatch(password !== confirmation);
    if (password !== confirmation) return;
    accept.mutate({ name: name.trim(), password });
  };
  if (hasAccount) {
    return (
      <p role="alert">
        {t('invitations.hasAccount')}{' '}
        <Link to={`/app/login?from=${encodeURIComponent(`/app/invitations/${token}`)}`}>
          {t('invitations.toSignIn')}
        </Link>
      </p>
    );
  }
  return (
    <form onSubmit={onSubmit} noValidate>
      {error && error.field !== 'password' && error.field !== 'name' ? (
        <p className="form-error" role="alert">
          <Icon name="alert" /> {error.message}
        </p>
      ) : null}
      <TextField
        id="invitation-name"
        label={t('invitations.name')}
        value={name}
        onChange={(event) => setName(event.target.value)}
        autoComplete="name"
        error={error?.field === 'name' ? error.message : undefined}
      />
      <TextField
        id="invitation-password"
        label={t('invitations.password')}
        type="password"
        value={password}
        onChange={(event) => setPassword(event.target.value)}
        autoComplete="new-password"
        hint={t('invitations.passwordHint')}
        error={fieldErrorText(error, 'password', t)}
      />
      <TextField
        id="invitation-confirmation"
        label={t('invitations.confirmation')}
        type="password"
        value={confirmation}
        onChange={(event) => setConfirmation(event.target.value)}
        autoComplete="new-password"
        error={mismatch ? t('invitations.mismatch') : undefined}
      />
      <button type="submit" className="button button-primary" disabled={accept.isPending}>
        {t('invitations.join')}
      </button>
    </form>
  );
}
