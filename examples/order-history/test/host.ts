/**
 * A stand-in for the dashboard: a page on its own origin that frames the app the way the real
 * dashboard does (same sandbox), posts appContext strings to the app's origin only, and answers
 * the app's fetch-info requests with the latest context.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface StandInHost {
  /** http://localhost:<port>: a different origin from the app's http://127.0.0.1:<port>. */
  origin: string;
  /** The host page for an app URL. */
  pageFor(appUrl: string): string;
  close(): Promise<void>;
}

const SANDBOX =
  'allow-scripts allow-same-origin allow-forms allow-popups allow-popups-to-escape-sandbox allow-downloads';

function hostPage(appUrl: string): string {
  const appOrigin = new URL(appUrl).origin;
  return `<!doctype html>
<html><head><meta charset="utf-8"><title>Stand-in dashboard</title></head>
<body>
<iframe id="app" title="Dashboard app" sandbox="${SANDBOX}"
  referrerpolicy="strict-origin-when-cross-origin" style="width:900px;height:900px"></iframe>
<script>
  const frame = document.getElementById('app');
  const appOrigin = ${JSON.stringify(appOrigin)};
  window.latestContext = null;
  window.fetchRequests = 0;
  window.postContext = (message) => {
    window.latestContext = message;
    frame.contentWindow.postMessage(message, appOrigin);
  };
  window.addEventListener('message', (event) => {
    if (event.source !== frame.contentWindow || event.origin !== appOrigin) return;
    if (event.data !== 'bevatel-dashboard-app:fetch-info') return;
    window.fetchRequests += 1;
    if (window.latestContext) frame.contentWindow.postMessage(window.latestContext, appOrigin);
  });
  frame.addEventListener('load', () => {
    if (window.latestContext) frame.contentWindow.postMessage(window.latestContext, appOrigin);
  });
  frame.src = ${JSON.stringify(appUrl)};
</script>
</body></html>`;
}

export async function startStandInHost(): Promise<StandInHost> {
  const server = createServer((request, response) => {
    const url = new URL(request.url ?? '/', 'http://host.invalid');
    const app = url.searchParams.get('app');
    if (url.pathname !== '/' || !app) {
      response.writeHead(404).end();
      return;
    }
    response.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' }).end(hostPage(app));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const origin = `http://localhost:${(server.address() as AddressInfo).port}`;
  return {
    origin,
    pageFor: (appUrl) => `${origin}/?app=${encodeURIComponent(appUrl)}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
