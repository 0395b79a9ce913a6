import { useQuery } from '@tanstack/react-query';
import { useApi } from '../lib/api-context';
import { useAccount } from '../modules/session/account';

/** The server's answer to `POST dashboard_apps/url_check` (see the server's url-check.ts). */
export interface UrlCheck {
  url: string;
  problem: 'unreachable' | 'refuses_framing' | 'not_checked' | null;
  reason: string | null;
  status: number | null;
  refused_by: { header: string; value: string } | null;
  dashboard_origin: string;
  message: string;
}

export const urlCheckKey = (accountId: number, url: string) =>
  ['dashboard-app-url-check', accountId, url] as const;

/**
 * For an administrator, whether the server finds that `url` refuses to be framed by the
 * dashboard — the one failure a frame cannot see from inside the browser. Asked once per URL
 * and session (each check is a request out of the server); never for agents.
 */
export function useFramingCheck(frameUrl: string, enabled: boolean): UrlCheck | undefined {
  // Without its query and fragment: one check per page of the app, not per conversation.
  const url = frameUrl.split(/[?#]/)[0]!;
  const api = useApi();
  const account = useAccount();
  const admin = account.role === 'administrator';
  const { data } = useQuery({
    queryKey: urlCheckKey(account.id, url),
    queryFn: () => api.post(api.account(account.id, 'dashboard_apps/url_check'), { url }),
    enabled: enabled && admin,
    staleTime: Infinity,
    retry: false,
  });
  return data;
}
