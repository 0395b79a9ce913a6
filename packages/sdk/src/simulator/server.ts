/** The simulator's HTTP server: the stand-in dashboard page plus sample and token endpoints. */
import { createServer } from 'node:http';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { LOCALES, THEMES } from '@bevatel/protocol';
import type { Locale, Theme } from '@bevatel/protocol';
import { signContextToken } from '../server/token';
import { claimsFromContext } from './claims';
import { checkAppFraming } from './frame-check';
import { checkLevel2Request } from './level2-check';
import { renderSimulatorPage } from './page';
import { createSampleContext, SAMPLE_CONVERSATION_KEYS } from './sample-context';
import type { SampleConversationKey } from './sample-context';

export const DEFAULT_SIMULATOR_PORT = 4700;
export const DEFAULT_SIMULATOR_SECRET = 'dev-secret';

export interface SimulatorOptions {
  /** The app to embed, e.g. "http://localhost:5173/". */
  appUrl: string;
  /** Default 4700; 0 picks a free port. */
  port?: number;
  /** HS256 secret for `data.token`. Default "dev-secret". */
  secret?: string;
  /** Interface to listen on. Default "127.0.0.1" (the page is served as http://localhost). */
  host?: string;
  /** The iframe `allow` list. Default "clipboard-write". */
  allow?: string;
  /** Hint at a late listener when no fetch-info came this long after load. Default 3000 ms. */
  lateAfterMs?: number;
  /** `app_id` claim of the tokens. Default 1. */
  appId?: number;
}

export interface RunningSimulator {
  /** The page to open, e.g. "http://localhost:4700". */
  url: string;
  /** The `iss` of the tokens (the simulator's origin) and their `aud` (the app's origin). */
  issuer: string;
  audience: string;
  close(): Promise<void>;
}

const MAX_BODY = 4 * 1024 * 1024;

class BadRequest extends Error {}

function send(res: ServerResponse, status: number, type: string, body: string): void {
  res.writeHead(status, {
    'content-type': type,
    'cache-control': 'no-store',
    'x-content-type-options': 'nosniff',
  });
  res.end(body);
}

function sendJson(res: ServerResponse, status: number, body: unknown): void {
  send(res, status, 'application/json; charset=utf-8', JSON.stringify(body));
}

async function readJson(req: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY) throw new BadRequest('The context is larger than 4 MB');
    chunks.push(chunk as Buffer);
  }
  try {
    return JSON.parse(Buffer.concat(chunks).toString('utf8'));
  } catch {
    throw new BadRequest('The body is not JSON');
  }
}

function pick<T extends string>(value: string | null, allowed: readonly T[]): T | undefined {
  return allowed.find((item) => item === value);
}

export function parseAppUrl(appUrl: string): URL {
  let url: URL;
  try {
    url = new URL(appUrl);
  } catch {
    throw new TypeError(`Not a URL: ${appUrl}`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new TypeError(`The app URL must be http(s): ${appUrl}`);
  }
  return url;
}

/** Starts the simulator; resolves once it listens. */
export async function startSimulator(options: SimulatorOptions): Promise<RunningSimulator> {
  const appUrl = parseAppUrl(options.appUrl).href;
  const audience = new URL(appUrl).origin;
  const secret = options.secret ?? DEFAULT_SIMULATOR_SECRET;
  const host = options.host ?? '127.0.0.1';
  const lateAfterMs = options.lateAfterMs ?? 3000;
  let issuer = '';
  let page = '';

  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', issuer);
    const handle = async (): Promise<void> => {
      if (req.method === 'GET' && url.pathname === '/') {
        return send(res, 200, 'text/html; charset=utf-8', page);
      }
      if (req.method === 'GET' && url.pathname === '/__simulator/sample') {
        const conversation = pick<SampleConversationKey>(
          url.searchParams.get('conversation'),
          SAMPLE_CONVERSATION_KEYS,
        );
        const locale = pick<Locale>(url.searchParams.get('locale'), LOCALES);
        const theme = pick<Theme>(url.searchParams.get('theme'), THEMES);
        return sendJson(res, 200, createSampleContext({ conversation, locale, theme }));
      }
      if (req.method === 'POST' && url.pathname === '/__simulator/token') {
        const context = await readJson(req);
        let claims;
        try {
          claims = claimsFromContext(context, { issuer, audience, appId: options.appId ?? 1 });
        } catch (error) {
          throw new BadRequest((error as Error).message);
        }
        return sendJson(res, 200, { token: signContextToken(claims, secret), claims });
      }
      if (req.method === 'POST' && url.pathname === '/__simulator/level2/check') {
        return sendJson(res, 200, checkLevel2Request(await readJson(req)));
      }
      if (req.method === 'GET' && url.pathname === '/__simulator/check') {
        return sendJson(res, 200, await checkAppFraming(appUrl, issuer));
      }
      sendJson(res, 404, { error: 'not_found', message: 'Not found', statusCode: 404 });
    };
    handle().catch((error: unknown) => {
      if (res.headersSent) return res.destroy();
      if (error instanceof BadRequest) {
        return sendJson(res, 400, {
          error: 'bad_request',
          message: error.message,
          statusCode: 400,
        });
      }
      sendJson(res, 500, { error: 'internal', message: String(error), statusCode: 500 });
    });
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? DEFAULT_SIMULATOR_PORT, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const { port } = server.address() as AddressInfo;
  const displayHost =
    host === '127.0.0.1' || host === '::1' || host === '0.0.0.0' ? 'localhost' : host;
  issuer = `http://${displayHost}:${port}`;
  if (issuer === audience) {
    server.close();
    throw new TypeError('The app must be on another origin than the simulator');
  }
  page = renderSimulatorPage({
    appUrl,
    allow: options.allow ?? 'clipboard-write',
    lateAfterMs,
    secretHint: options.secret === undefined ? `the dev secret "${secret}"` : 'your --secret',
  });

  return {
    url: issuer,
    issuer,
    audience,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      }),
  };
}
