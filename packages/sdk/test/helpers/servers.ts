import { createServer } from 'node:http';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface Page {
  type?: string;
  body: string;
  headers?: Record<string, string>;
}

export interface TestServer {
  /** e.g. "http://localhost:41234" or "http://127.0.0.1:41235" */
  origin: string;
  url(path: string): string;
  close(): Promise<void>;
}

export type Routes = Record<string, Page | ((req: IncomingMessage) => Page)>;

/**
 * Serves fixed pages on a free port. "localhost" (served on 127.0.0.1) and "127.0.0.1" are two
 * origins, and two sites, for the browser; any other loopback IP works too.
 */
export async function startServer(routes: Routes, hostname = '127.0.0.1'): Promise<TestServer> {
  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const path = new URL(req.url ?? '/', 'http://x').pathname;
    const route = routes[path];
    if (!route) {
      res.writeHead(404, { 'content-type': 'text/plain' });
      res.end('not found');
      return;
    }
    const page = typeof route === 'function' ? route(req) : route;
    res.writeHead(200, {
      'content-type': page.type ?? 'text/html; charset=utf-8',
      'cache-control': 'no-store',
      ...page.headers,
    });
    res.end(page.body);
  });
  await new Promise<void>((resolve) =>
    server.listen(0, hostname === 'localhost' ? '127.0.0.1' : hostname, resolve),
  );
  const { port } = server.address() as AddressInfo;
  const origin = `http://${hostname}:${port}`;
  return {
    origin,
    url: (path) => `${origin}${path}`,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      }),
  };
}

/** Closes everything that was started, even when some closes fail. */
export async function closeAll(...things: ({ close(): Promise<void> } | undefined)[]) {
  const results = await Promise.allSettled(things.map((thing) => thing?.close()));
  const failed = results.find((result) => result.status === 'rejected');
  if (failed) throw (failed as PromiseRejectedResult).reason;
}
