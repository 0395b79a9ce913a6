import { appUrlOrigin } from '@bevatel/protocol';

/**
 * The origin the host posts to and accepts requests from (rule 1 and 2): that of the URL the
 * admin registered. Null when the host must not embed it at all: not an http(s) URL, one with
 * credentials,
 * or the dashboard's own origin (with allow-same-origin such a frame could script the dashboard,
 * rule 4; the server refuses those URLs too, this is the second lock).
 */
export function embeddableOrigin(url: string, dashboardOrigin: string): string | null {
  // The URL's own scheme, not its origin's: blob:https://x/… has an https origin too.
  if (!/^https?:\/\/[^/]/i.test(url)) return null;
  // No credentials in the URL (rule 4): they would ride along on every load of the frame.
  const authority = url.slice(url.indexOf('//') + 2).split(/[/?#]/)[0] ?? '';
  if (authority.includes('@')) return null;
  const origin = appUrlOrigin(url);
  if (origin === null || !/^https?:\/\/[^/]+$/.test(origin)) return null;
  if (origin === dashboardOrigin) return null;
  return origin;
}
