import type { Profile } from '@bevatel/protocol';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { TextField } from '../../components/TextField';
import { ApiError } from '../../lib/api';
import { showToast } from '../../lib/toasts';
import { useUpdateProfile } from './api';
import { AvatarField } from './AvatarField';

/** Name and display name (the one colleagues and customers see in replies). */
export function DetailsForm({ profile }: { profile: Profile }) {
  const { t } = useTranslation();
  const update = useUpdateProfile();
  const [name, setName] = useState(profile.name);
  const [displayName, setDisplayName] = useState(profile.display_name ?? '');
  const error = update.error instanceof ApiError ? update.error : null;
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    update.mutate(
      { name: name.trim(), display_name: displayName.trim() || null },
      { onSuccess: () => showToast({ kind: 'success', message: t('profile.saved') }) },
    );
  };
  return (
    <section className="settings-section" aria-labelledby="profile-details">
      <h2 id="profile-details">{t('profile.details')}</h2>
      <AvatarField profile={profile} />
      <form onSubmit={onSubmit} noValidate className="profile-form">
        <TextField
          id="profile-name"
          label={t('profile.name')}
          value={name}
          dir="auto"
          required
          maxLength={255}
          autoComplete="name"
          error={error?.field === 'name' ? error.message : null}
          onChange={(e) => setName(e.target.value)}
        />
        <TextField
          id="profile-display-name"
          label={t('profile.displayName')}
          hint={t('profile.displayNameHint')}
          value={displayName}
          dir="auto"
          maxLength={255}
          autoComplete="nickname"
          error={error?.field === 'display_name' ? error.message : null}
          onChange={(e) => setDisplayName(e.target.value)}
        />
        <p className="field-static">
          <span>{t('profile.email')}</span> <bdi dir="ltr">{profile.email}</bdi>
        </p>
        <button type="submit" className="button button-primary" disabled={update.isPending}>
          {t('profile.save')}
        </button>
      </form>
    </section>
  );
}
