/**
 * Cross-site WebSocket hijacking: browsers send cookies on a WebSocket upgrade from any page,
 * and the same-origin policy does not apply, so a cookie-authenticated socket is accepted only
 * from our own origin (the public URL, or the host the request was addressed to). Non-browser
 * clients send no Origin and hold no ambient cookie of a victim, so they are let through.
 */
export function isOriginAllowed(
  origin: string | undefined,
  publicUrl: string,
  requestHosts: readonly (string | undefined)[],
): boolean {
  if (origin === undefined) return true;
  let url: URL;
  try {
    url = new URL(origin);
  } catch {
    return false; // includes "null" from sandboxed frames and file: pages
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return false;
  try {
    if (url.origin === new URL(publicUrl).origin) return true;
  } catch {
    // a malformed PUBLIC_URL only disables that comparison
  }
  const host = url.host.toLowerCase();
  return requestHosts.some(
    (candidate) => candidate !== undefined && candidate.toLowerCase() === host,
  );
}
