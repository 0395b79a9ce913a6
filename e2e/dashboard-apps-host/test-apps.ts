/**
 * Dashboard apps as an outside developer writes them from the product document: a `message`
 * listener that checks the JSON and parses `event.data`, and
 * `window.parent.postMessage('bevatel-dashboard-app:fetch-info', '*')`. Served from their own
 * origin (127.0.0.1:<port>, while the dashboard is localhost:<port>). What they receive is kept
 * on `window.received` for the test to read through the frame.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { LEVEL2_PAGE } from './level2-app';

const APP_PAGE = `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><title>Test app</title></head>
<body>
<h1 id="name">Test app</h1>
<p id="status">waiting</p>
<script>
  function isJSONValid(text) {
    try {
      JSON.parse(text);
    } catch (e) {
      return false;
    }
    return true;
  }
  window.instanceId = Math.random().toString(36).slice(2);
  window.received = [];
  // Instrumentation for the tests, not part of the documented listener: everything that came.
  window.everything = [];
  window.addEventListener("message", function (event) {
    window.everything.push(typeof event.data === "string" ? event.data.slice(0, 40) : typeof event.data);
  });
  window.addEventListener("message", function (event) {
    if (!isJSONValid(event.data)) {
      return;
    }
    const eventData = JSON.parse(event.data);
    window.received.push({ at: Date.now(), perf: performance.now(), t: performance.timeOrigin + performance.now(), origin: event.origin, raw: event.data.length, data: eventData });
    document.getElementById("status").textContent = "received " + window.received.length;
  });
  window.asked = 0;
  window.fetchInfo = function (key) {
    window.asked += 1;
    window.parent.postMessage(key || "bevatel-dashboard-app:fetch-info", "*");
  };
  document.getElementById("name").textContent = new URLSearchParams(location.search).get("name") || "Test app";
</script>
</body>
</html>`;

// Never fires load in time: the dashboard must show its error state.
const SLOW_DELAY_MS = 60_000;

export interface TestAppServer {
  /** http://127.0.0.1:<port> */
  origin: string;
  url(path: string): string;
  close(): Promise<void>;
}

export async function startTestApps(host = '127.0.0.1'): Promise<TestAppServer> {
  const pending = new Set<NodeJS.Timeout>();
  const server: Server = createServer((request, response) => {
    const path = new URL(request.url ?? '/', 'http://x').pathname;
    if (path === '/slow') {
      const timer = setTimeout(() => {
        pending.delete(timer);
        response.end(APP_PAGE);
      }, SLOW_DELAY_MS);
      pending.add(timer);
      response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      response.write('<!doctype html><title>slow</title>');
      return;
    }
    if (path === '/favicon.ico') {
      response.writeHead(204, { 'cache-control': 'max-age=3600' });
      response.end();
      return;
    }
    if (path === '/level2' || path === '/level2/modal') {
      response.writeHead(200, {
        'content-type': 'text/html; charset=utf-8',
        'cache-control': 'no-store',
      });
      response.end(LEVEL2_PAGE);
      return;
    }
    if (path === '/app' || path === '/') {
      response.writeHead(200, {
        'content-type': 'text/html; charset=utf-8',
        'cache-control': 'no-store',
      });
      response.end(APP_PAGE);
      return;
    }
    response.writeHead(404, { 'content-type': 'text/plain' });
    response.end('not found');
  });
  await new Promise<void>((resolve) => server.listen(0, host, resolve));
  const { port } = server.address() as AddressInfo;
  const origin = `http://${host}:${port}`;
  return {
    origin,
    url: (path) => `${origin}${path}`,
    close: () =>
      new Promise<void>((resolve) => {
        for (const timer of pending) clearTimeout(timer);
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
