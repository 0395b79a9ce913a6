import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Icon } from '../../components/Icon';
import { TextField } from '../../components/TextField';
import { ApiError } from '../../lib/api';
import { isolated } from '../../lib/bidi';
import { useRequestReset } from './api';

/**
 * `/app/forgot-password`: asks for a reset link by e-mail. The answer is the same whether or not
 * the e-mail has an account, so the page says "if"; without e-mail on the server it says whom
 * to ask instead.
 */
export function ForgotPasswordPage() {
  const { t } = useTranslation();
  const request = useRequestReset();
  const [email, setEmail] = useState('');
  const [fieldError, setFieldError] = useState<string | null>(null);

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    const trimmed = email.trim();
    const problem = !trimmed
      ? t('login.emailRequired')
      : !/^\S+@\S+$/.test(trimmed)
        ? t('login.emailInvalid')
        : null;
    setFieldError(problem);
    if (!problem) request.mutate(trimmed);
  };

  const error = request.error instanceof ApiError ? request.error : null;
  const formError =
    error?.status === 403
      ? t('passwordReset.byEmailOff')
      : error?.status === 429
        ? t('errors.rateLimited')
        : request.error
          ? t('errors.network')
          : null;

  return (
    <main className="login-page">
      <div className="login-card">
        <h1>{t('passwordReset.forgotTitle')}</h1>
        {request.isSuccess ? (
          <p role="status">{t('passwordReset.sent', { email: isolated(email.trim()) })}</p>
        ) : (
          <form onSubmit={onSubmit} noValidate>
            <p className="muted">{t('passwordReset.forgotIntro')}</p>
            {formError ? (
              <p className="form-error" role="alert">
                <Icon name="alert" /> {formError}
              </p>
            ) : null}
            <TextField
              id="forgot-email"
              label={t('login.email')}
              error={fieldError}
              type="email"
              name="email"
              autoComplete="username"
              dir="ltr"
              value={email}
              onChange={(e) => setEmail(e.target.value)}
              required
            />
            <button
              type="submit"
              className="button button-primary button-block"
              disabled={request.isPending}
            >
              {t('passwordReset.send')}
            </button>
          </form>
        )}
        <p className="login-language">
          <Link to="/app/login">{t('passwordReset.backToSignIn')}</Link>
        </p>
      </div>
    </main>
  );
}
