import { appUrlOrigin } from '@bevatel/protocol';

/**
 * The origin the host posts to and accepts requests from (rule 1 and 2): that of the URL the
 * admin registered. Null when the host must not embed it at all: not http(s), an opaque origin,
 * or the dashboard's own origin (with allow-same-origin such a frame could script the dashboard,
 * rule 4; the server refuses those URLs too, this is the second lock).
 */
export function embeddableOrigin(url: string, dashboardOrigin: string): string | null {
  const origin = appUrlOrigin(url);
  if (origin === null || !/^https?:\/\/[^/]+$/.test(origin)) return null;
  if (origin === dashboardOrigin) return null;
  return origin;
}
