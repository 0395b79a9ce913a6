import type { Profile } from '@bevatel/protocol';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useApi } from '../../lib/api-context';
import { queryKeys } from '../../lib/query-keys';

export interface ProfileChanges {
  name?: string;
  display_name?: string | null;
  current_password?: string;
  password?: string;
  password_confirmation?: string;
}

/** `PUT /api/v1/profile`: name, display name or password (Chatwoot's three password fields). */
export function useUpdateProfile() {
  const api = useApi();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (profile: ProfileChanges) => api.put('/api/v1/profile', { profile }),
    onSuccess: (profile: Profile) => queryClient.setQueryData(queryKeys.profile, profile),
  });
}

/** The personal access token, fetched only when asked for (it never sits in the caches). */
export function useAccessToken() {
  const api = useApi();
  return useMutation({
    mutationFn: async (action: 'show' | 'reset') =>
      (action === 'show'
        ? await api.get('/api/v1/profile')
        : await api.post('/api/v1/profile/reset_access_token', {})
      ).access_token,
  });
}

/** Uploads (a File) or removes (null) the signed-in person's avatar. */
export function useAvatar() {
  const api = useApi();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (file: File | null) => {
      if (!file) return api.delete('/api/v1/profile/avatar');
      const form = new FormData();
      form.append('avatar', file);
      return api.post('/api/v1/profile/avatar', form);
    },
    onSuccess: (profile: Profile) => queryClient.setQueryData(queryKeys.profile, profile),
  });
}
