/**
 * Whether an app's server answers at all. A frame's `load` fires for the browser's own error
 * page too, so an app that refuses connections or whose name does not resolve would otherwise
 * sit as a blank frame until the load timeout. A `no-cors` HEAD request for the frame's own
 * URL, run beside the frame, fails with a network error in exactly those cases (its answer
 * stays opaque: nothing of the app is read; a HEAD has no body to send). The dashboard's CSP
 * lists app origins in connect-src.
 */
export type Reachability = 'reachable' | 'unreachable' | 'unknown';

/** Longer than a refused connection or a failed lookup takes; a slow app is left to the timeout. */
export const PROBE_TIMEOUT_MS = 4_000;

export async function probeReachable(
  url: string,
  timeoutMs = PROBE_TIMEOUT_MS,
): Promise<Reachability> {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), timeoutMs);
  try {
    await fetch(url, {
      method: 'HEAD',
      mode: 'no-cors',
      credentials: 'omit',
      cache: 'no-store',
      referrerPolicy: 'no-referrer',
      signal: controller.signal,
    });
    return 'reachable';
  } catch {
    return controller.signal.aborted ? 'unknown' : 'unreachable';
  } finally {
    clearTimeout(timer);
  }
}
