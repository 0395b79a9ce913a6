import { MIN_PASSWORD_LENGTH } from '@bevatel/protocol';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { TextField } from '../../components/TextField';
import { ApiError } from '../../lib/api';
import { fieldErrorText } from '../../lib/field-error';
import { showToast } from '../../lib/toasts';
import { useUpdateProfile } from './api';

/** A new password, with the current one; the server signs every other session out. */
export function PasswordForm() {
  const { t } = useTranslation();
  const update = useUpdateProfile();
  const [current, setCurrent] = useState('');
  const [password, setPassword] = useState('');
  const [confirmation, setConfirmation] = useState('');
  const [mismatch, setMismatch] = useState(false);
  const error = update.error instanceof ApiError ? update.error : null;
  const fieldError = (field: string) => fieldErrorText(error, field, t);

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    setMismatch(password !== confirmation);
    if (password !== confirmation) return;
    update.mutate(
      { current_password: current, password, password_confirmation: confirmation },
      {
        onSuccess: () => {
          setCurrent('');
          setPassword('');
          setConfirmation('');
          showToast({ kind: 'success', message: t('profile.passwordChanged') });
        },
      },
    );
  };
  return (
    <section className="settings-section" aria-labelledby="profile-password">
      <h2 id="profile-password">{t('profile.password')}</h2>
      <p className="muted">{t('profile.passwordIntro')}</p>
      <form onSubmit={onSubmit} noValidate className="profile-form">
        <TextField
          id="profile-current-password"
          type="password"
          label={t('profile.currentPassword')}
          value={current}
          autoComplete="current-password"
          required
          error={fieldError('current_password')}
          onChange={(e) => setCurrent(e.target.value)}
        />
        <TextField
          id="profile-new-password"
          type="password"
          label={t('profile.newPassword')}
          hint={t('profile.passwordHint', { min: MIN_PASSWORD_LENGTH })}
          value={password}
          autoComplete="new-password"
          required
          error={fieldError('password')}
          onChange={(e) => setPassword(e.target.value)}
        />
        <TextField
          id="profile-confirm-password"
          type="password"
          label={t('profile.confirmPassword')}
          value={confirmation}
          autoComplete="new-password"
          required
          error={mismatch ? t('profile.mismatch') : fieldError('password_confirmation')}
          onChange={(e) => setConfirmation(e.target.value)}
        />
        <button
          type="submit"
          className="button button-primary"
          disabled={update.isPending || !current || !password}
        >
          {t('profile.changePassword')}
        </button>
      </form>
    </section>
  );
}
