import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Navigate, useParams } from 'react-router';
import { Icon } from '../../components/Icon';
import { ErrorState, LoadingState } from '../../components/States';
import { TextField } from '../../components/TextField';
import { ApiError } from '../../lib/api';
import { fieldErrorText } from '../../lib/field-error';
import { useCompletePasswordReset } from '../session/session';
import { useResetLink } from './api';

/**
 * `/app/reset-password/:token`: the one-time reset link (from an administrator or an e-mail).
 * The new password ends every other session of the person and signs them in here.
 */
export function ResetPasswordPage() {
  const { t } = useTranslation();
  const { token = '' } = useParams();
  const link = useResetLink(token);
  const complete = useCompletePasswordReset(token);
  const [password, setPassword] = useState('');
  const [confirmation, setConfirmation] = useState('');
  const [mismatch, setMismatch] = useState(false);

  if (complete.isSuccess) {
    const first = complete.data.data.accounts[0];
    return <Navigate to={first ? `/app/accounts/${first.id}/conversations` : '/app'} replace />;
  }
  if (link.isPending) return <LoadingState />;
  const submitError = complete.error instanceof ApiError ? complete.error : null;
  // The link was used (here or elsewhere) or expired meanwhile: the same page as on opening it.
  const gone = (error: unknown) =>
    error instanceof ApiError && [404, 410, 422].includes(error.status) && !error.field;
  if (link.error || gone(complete.error)) {
    return (
      <main className="login-page">
        <div className="login-card">
          {link.error && !gone(link.error) ? (
            <ErrorState error={link.error} onRetry={() => void link.refetch()} />
          ) : (
            <>
              <h1>{t('passwordReset.goneTitle')}</h1>
              <p>{t('passwordReset.gone')}</p>
              <p>
                <Link to="/app/forgot-password">{t('passwordReset.askAgain')}</Link>
              </p>
              <p>
                <Link to="/app/login">{t('passwordReset.backToSignIn')}</Link>
              </p>
            </>
          )}
        </div>
      </main>
    );
  }

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    setMismatch(password !== confirmation);
    if (password !== confirmation) return;
    complete.mutate({ password, password_confirmation: confirmation });
  };
  const passwordError = fieldErrorText(submitError, 'password', t);
  const otherError =
    complete.error && !passwordError && submitError?.field !== 'password_confirmation'
      ? submitError?.status === 429
        ? t('errors.rateLimited')
        : t('errors.network')
      : null;

  return (
    <main className="login-page">
      <div className="login-card">
        <h1>{t('passwordReset.title')}</h1>
        <p>
          {t('passwordReset.intro')} <bdi dir="ltr">{link.data?.email}</bdi>
        </p>
        <p className="muted">{t('passwordReset.signsOut')}</p>
        <form onSubmit={onSubmit} noValidate>
          {otherError ? (
            <p className="form-error" role="alert">
              <Icon name="alert" /> {otherError}
            </p>
          ) : null}
          <TextField
            id="reset-password"
            label={t('passwordReset.password')}
            type="password"
            value={password}
            onChange={(event) => setPassword(event.target.value)}
            autoComplete="new-password"
            hint={t('invitations.passwordHint')}
            error={passwordError}
          />
          <TextField
            id="reset-confirmation"
            label={t('invitations.confirmation')}
            type="password"
            value={confirmation}
            onChange={(event) => setConfirmation(event.target.value)}
            autoComplete="new-password"
            error={
              mismatch || submitError?.field === 'password_confirmation'
                ? t('invitations.mismatch')
                : undefined
            }
          />
          <button
            type="submit"
            className="button button-primary button-block"
            disabled={complete.isPending}
          >
            {t('passwordReset.submit')}
          </button>
        </form>
      </div>
    </main>
  );
}
