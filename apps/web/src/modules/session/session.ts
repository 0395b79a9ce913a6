import type { Profile } from '@bevatel/protocol';
import type { ProfileWithTokens } from '@bevatel/protocol/schemas';
import { useMutation, useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import type { ApiClient } from '../../lib/api';
import { useApi } from '../../lib/api-context';
import { queryKeys } from '../../lib/query-keys';

/** The profile without its tokens: the API token never sits in the page's caches. */
function stripTokens(body: ProfileWithTokens): Profile {
  const { access_token: _access, csrf_token: _csrf, ...profile } = body;
  return profile;
}

/** Who is signed in: null when nobody is (asked of /auth/session, which answers 200 either way). */
export function useProfileQuery() {
  const api = useApi();
  return useQuery({
    queryKey: queryKeys.profile,
    queryFn: async (): Promise<Profile | null> => {
      const { data } = await api.get('/auth/session');
      api.setCsrfToken(data?.csrf_token ?? null);
      return data ? stripTokens(data) : null;
    },
    staleTime: Infinity,
  });
}

/** The signed-in profile inside authenticated routes (they render only once it is loaded). */
export function useProfile(): Profile {
  const { data } = useProfileQuery();
  if (!data) throw new Error('useProfile outside a signed-in route');
  return data;
}

/** Takes over a session the server just started (sign-in, or an accepted invitation link). */
function adoptSession(api: ApiClient, queryClient: QueryClient, data: ProfileWithTokens) {
  api.setCsrfToken(data.csrf_token);
  queryClient.setQueryData(queryKeys.profile, stripTokens(data));
}

export function useSignIn() {
  const api = useApi();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (credentials: { email: string; password: string }) =>
      api.post('/auth/sign_in', credentials),
    onSuccess: ({ data }) => adoptSession(api, queryClient, data),
  });
}

/** The one-time invitation link of someone new: they choose a password and are signed in. */
export function useAcceptInvitationLink(token: string) {
  const api = useApi();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: { name: string; password: string }) =>
      api.post(`/auth/invitations/${encodeURIComponent(token)}/accept`, body),
    onSuccess: ({ data }) => adoptSession(api, queryClient, data),
  });
}

/** A password reset link: the new password ends every other session and signs this one in. */
export function useCompletePasswordReset(token: string) {
  const api = useApi();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: { password: string; password_confirmation: string }) =>
      api.post(`/auth/password_resets/${encodeURIComponent(token)}`, body),
    onSuccess: ({ data }) => adoptSession(api, queryClient, data),
  });
}

export function useSignOut() {
  const api = useApi();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => api.delete('/auth/sign_out'),
    onSettled: () => {
      api.setCsrfToken(null);
      queryClient.clear();
      queryClient.setQueryData(queryKeys.profile, null);
    },
  });
}
