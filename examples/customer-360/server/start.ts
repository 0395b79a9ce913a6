/**
 * A tiny server for the app: the files of public/, the SDK's script-tag bundle under /vendor/,
 * the CRM summary at /api/summary (for a verified context token), and the headers that let the
 * dashboard (and only the dashboard) frame it.
 */
import { createServer } from 'node:http';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { readFile } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import { extname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { contentSecurityPolicy, parseDashboardOrigins } from './frame-policy';
import { loadSdkBundle } from './sdk-bundle';
import { answerSummary } from './summary-api';

export const DEFAULT_PORT = 4100;

export interface StartOptions {
  /** Default 4100; 0 picks a free port. */
  port?: number;
  host?: string;
  /** The app's signing secret (from the dashboard); default env CUSTOMER_360_SECRET. */
  secret?: string;
  /** The origin the app is registered under; default env CUSTOMER_360_ORIGIN, else its URL. */
  origin?: string;
  /** Unix seconds, for tests. */
  now?: () => number;
  /** Origins allowed to frame the app. Default: env DASHBOARD_ORIGINS, else localhost:3000. */
  dashboardOrigins?: string | readonly string[];
}

export interface RunningApp {
  /** Where the app listens, e.g. http://127.0.0.1:4100 (register this URL in the dashboard). */
  url: string;
  close(): Promise<void>;
}

const PUBLIC_DIR = fileURLToPath(new URL('../public/', import.meta.url));
const SDK_PATH = '/vendor/bevatel-dashboard-app.global.js';
const SUMMARY_PATH = '/api/summary';
// Only these files are served: nothing else of the disk is reachable through a crafted path.
const FILES: Record<string, string> = {
  '/': 'index.html',
  '/index.html': 'index.html',
  '/app.js': 'app.js',
  '/dom.js': 'dom.js',
  '/i18n.js': 'i18n.js',
  '/render.js': 'render.js',
  '/summary.js': 'summary.js',
  '/styles.css': 'styles.css',
};
const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
};

export async function startCustomer360(options: StartOptions = {}): Promise<RunningApp> {
  const { port = DEFAULT_PORT, host = '127.0.0.1' } = options;
  const frameAncestors = parseDashboardOrigins(
    options.dashboardOrigins ?? process.env.DASHBOARD_ORIGINS,
  );
  const headers = {
    'Content-Security-Policy': contentSecurityPolicy(frameAncestors),
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'strict-origin-when-cross-origin',
    'Cache-Control': 'no-cache',
  };

  const handle = async (request: IncomingMessage, response: ServerResponse): Promise<void> => {
    const send = (status: number, type: string, body: string, extra = {}): void => {
      response.writeHead(status, { ...headers, 'Content-Type': type, ...extra });
      response.end(request.method === 'HEAD' ? undefined : body);
    };
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      response.setHeader('Allow', 'GET, HEAD');
      send(405, 'text/plain; charset=utf-8', 'Method not allowed');
      return;
    }
    const path = new URL(request.url ?? '/', 'http://app.invalid').pathname;
    if (path === SUMMARY_PATH) {
      const answer = answerSummary(request.headers.authorization, {
        secret: secret(),
        audience: audience(),
        ...(options.now ? { now: options.now } : {}),
      });
      // Customer data: never cached, not even by the browser.
      const extra = {
        'Cache-Control': 'no-store',
        ...(answer.status === 401 ? { 'WWW-Authenticate': 'Bearer error="invalid_token"' } : {}),
      };
      send(answer.status, 'application/json', JSON.stringify(answer.body), extra);
      return;
    }
    if (path === SDK_PATH) {
      send(200, TYPES['.js'] ?? 'text/javascript', await loadSdkBundle());
      return;
    }
    const file = FILES[path];
    if (!file) {
      send(404, 'text/plain; charset=utf-8', 'Not found');
      return;
    }
    let body = await readFile(join(PUBLIC_DIR, file), 'utf8');
    if (file === 'index.html') {
      // The origins were validated by parseDashboardOrigins: no quotes or markup can get here.
      body = body
        .replace('%DASHBOARD_ORIGINS%', frameAncestors.join(' '))
        .replace('%CRM%', secret() ? 'on' : 'off');
    }
    send(200, TYPES[extname(file)] ?? 'application/octet-stream', body);
  };

  const secret = () => options.secret ?? process.env.CUSTOMER_360_SECRET;
  // Known once the server listens (port 0 picks one).
  let ownOrigin = '';
  const audience = (): string[] => [options.origin ?? process.env.CUSTOMER_360_ORIGIN ?? ownOrigin];

  const server = createServer((request, response) => {
    handle(request, response).catch((error: unknown) => {
      console.error('customer-360:', error);
      if (!response.headersSent) response.writeHead(500, { 'Content-Type': 'text/plain' });
      response.end('Internal error');
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const address = server.address() as AddressInfo;
  const shownHost = host.includes(':') ? `[${host}]` : host;
  ownOrigin = `http://${shownHost}:${address.port}`;
  return {
    url: ownOrigin,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      }),
  };
}
