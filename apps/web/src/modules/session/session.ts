import type { Profile, SignInResponse } from '@bevatel/protocol';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useApi } from '../../lib/api-context';
import { queryKeys } from '../../lib/query-keys';

type ProfileWithTokens = Profile & { access_token?: string; csrf_token?: string | null };

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
      const { data } = await api.get<{ data: ProfileWithTokens | null }>('/auth/session');
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

export function useSignIn() {
  const api = useApi();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (credentials: { email: string; password: string }) =>
      api.post<SignInResponse>('/auth/sign_in', credentials),
    onSuccess: ({ data }) => {
      api.setCsrfToken(data.csrf_token);
      queryClient.setQueryData(queryKeys.profile, stripTokens(data));
    },
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
