import type { Profile } from '@bevatel/protocol';
import { useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { Avatar } from '../../components/Avatar';
import { ApiError } from '../../lib/api';
import { useAvatar } from './api';

/** The photo colleagues and customers see: upload (any common image, ≤ 5 MB) or remove. */
export function AvatarField({ profile }: { profile: Profile }) {
  const { t } = useTranslation();
  const avatar = useAvatar();
  const input = useRef<HTMLInputElement>(null);
  const error = avatar.error instanceof ApiError ? avatar.error.message : null;
  return (
    <div className="avatar-field">
      <Avatar name={profile.name} src={profile.avatar_url || null} size={64} />
      <div className="avatar-field-actions">
        <input
          ref={input}
          id="profile-avatar"
          type="file"
          accept="image/png,image/jpeg,image/gif,image/webp,image/avif"
          className="sr-only"
          aria-describedby={error ? 'profile-avatar-error' : undefined}
          onChange={(e) => {
            const file = e.target.files?.[0];
            if (file) avatar.mutate(file);
            e.target.value = '';
          }}
        />
        <label htmlFor="profile-avatar" className="button">
          {profile.avatar_url ? t('profile.changePhoto') : t('profile.uploadPhoto')}
        </label>
        {profile.avatar_url ? (
          <button
            type="button"
            className="button button-ghost"
            disabled={avatar.isPending}
            onClick={() => avatar.mutate(null)}
          >
            {t('profile.removePhoto')}
          </button>
        ) : null}
        {error ? (
          <p id="profile-avatar-error" className="field-error" role="alert">
            {error}
          </p>
        ) : null}
      </div>
    </div>
  );
}
