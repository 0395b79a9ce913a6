import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Navigate, useNavigate, useSearchParams } from 'react-router';
import { Icon } from '../../components/Icon';
import { LoadingState } from '../../components/States';
import { ApiError } from '../../lib/api';
import { usePreferences } from '../preferences/preferences';
import { useProfileQuery, useSignIn } from './session';
import { TextField } from '../../components/TextField';

/** Only same-app paths: an open redirect through `?from=` would be a phishing aid. */
function safeFrom(from: string | null): string | null {
  return from && from.startsWith('/app/') && !from.startsWith('//') ? from : null;
}

export function LoginPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const { data: profile, isPending } = useProfileQuery();
  const signIn = useSignIn();
  const { locale, setLocale } = usePreferences();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [fieldErrors, setFieldErrors] = useState<{ email?: string; password?: string }>({});

  if (isPending) return <LoadingState />;
  const from = safeFrom(params.get('from'));
  if (profile && !signIn.isPending) {
    const first = profile.accounts[0];
    return (
      <Navigate to={from ?? (first ? `/app/accounts/${first.id}/conversations` : '/app')} replace />
    );
  }

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    const errors: typeof fieldErrors = {};
    if (!email.trim()) errors.email = t('login.emailRequired');
    else if (!/^\S+@\S+$/.test(email.trim())) errors.email = t('login.emailInvalid');
    if (!password) errors.password = t('login.passwordRequired');
    setFieldErrors(errors);
    if (errors.email || errors.password) return;
    signIn.mutate(
      { email: email.trim(), password },
      {
        onSuccess: ({ data }) => {
          const first = data.accounts[0];
          navigate(from ?? (first ? `/app/accounts/${first.id}/conversations` : '/app'), {
            replace: true,
          });
        },
      },
    );
  };

  const error = signIn.error;
  const formError =
    error instanceof ApiError && error.status === 401
      ? t('login.invalidCredentials')
      : error instanceof ApiError && error.status === 429
        ? t('errors.rateLimited')
        : error
          ? t('errors.network')
          : null;

  return (
    <main className="login-page">
      <div className="login-card">
        <div className="login-brand">
          <span className="brand-mark" aria-hidden="true">
            B
          </span>
          <span>{t('app.name')}</span>
        </div>
        <h1>{t('login.title')}</h1>
        <form onSubmit={onSubmit} noValidate>
          {formError ? (
            <p className="form-error" role="alert">
              <Icon name="alert" /> {formError}
            </p>
          ) : null}
          <TextField
            id="login-email"
            label={t('login.email')}
            error={fieldErrors.email}
            type="email"
            name="email"
            autoComplete="username"
            dir="ltr"
            value={email}
            onChange={(e) => setEmail(e.target.value)}
            required
          />
          <TextField
            id="login-password"
            label={t('login.password')}
            error={fieldErrors.password}
            type="password"
            name="password"
            autoComplete="current-password"
            value={password}
            onChange={(e) => setPassword(e.target.value)}
            required
          />
          <p className="login-forgot">
            <Link to="/app/forgot-password">{t('login.forgot')}</Link>
          </p>
          <button
            type="submit"
            className="button button-primary button-block"
            disabled={signIn.isPending}
          >
            {signIn.isPending ? t('login.signingIn') : t('login.submit')}
          </button>
        </form>
        <div className="login-language">
          {locale === 'ar' ? (
            <button type="button" className="link-button" lang="en" onClick={() => setLocale('en')}>
              {t('languages.en')}
            </button>
          ) : (
            <button type="button" className="link-button" lang="ar" onClick={() => setLocale('ar')}>
              {t('languages.ar')}
            </button>
          )}
        </div>
      </div>
    </main>
  );
}
