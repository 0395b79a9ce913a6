// The app's server: its front end for the dashboard's iframe, the headers that let only the
// dashboard frame it, and (with a backend) the API that verifies the signed context. npm start
import { createServer } from 'node:http';
import { readFile } from 'node:fs/promises';
// @if:html
import { createRequire } from 'node:module';
// @end:html
import { fileURLToPath } from 'node:url';
// @if:backend
import { handleApi } from './api.js';
// @end:backend
import { readConfig } from './config.js';
import { frameHeaders, serveStatic } from './static.js';

const ROOT = fileURLToPath(new URL('./{{staticRoot}}', import.meta.url));
// @if:html
// The SDK's script-tag bundle, served from this app's own origin.
const SDK_BUNDLE = createRequire(import.meta.url).resolve(
  '@bevatel/dashboard-app-sdk/bevatel-dashboard-app.global.js',
);
// @end:html

export function startServer(config = readConfig()) {
  const headers = frameHeaders(config.dashboardOrigins);
  const server = createServer(async (req, res) => {
    try {
      const { pathname } = new URL(req.url ?? '/', config.appOrigin);
      // @if:backend
      if (pathname.startsWith('/api/')) {
        if (pathname === '/api/session') return handleApi(config, req, res);
        res.writeHead(404, { 'content-type': 'application/json' });
        return res.end('{"error":"not_found"}');
      }
      // @end:backend
      // @if:html
      if (pathname === '/sdk.js') {
        res.writeHead(200, { ...headers, 'content-type': 'text/javascript; charset=utf-8' });
        return res.end(await readFile(SDK_BUNDLE));
      }
      // @end:html
      if (pathname === '/' || pathname === '/index.html') {
        // The page learns which dashboards it trusts from this server's settings.
        const page = (await readFile(`${ROOT}/index.html`, 'utf8')).replaceAll(
          '__DASHBOARD_ORIGINS__',
          config.dashboardOrigins.join(' ').replace(/[&"<>]/g, ''),
        );
        res.writeHead(200, {
          ...headers,
          'content-type': 'text/html; charset=utf-8',
          'cache-control': 'no-cache',
        });
        return res.end(page);
      }
      if (req.method === 'GET' && (await serveStatic(ROOT, pathname, res, headers))) return;
      res.writeHead(404, { ...headers, 'content-type': 'text/plain; charset=utf-8' });
      res.end('Not found');
    } catch (error) {
      console.error(error);
      if (!res.headersSent) res.writeHead(500, { 'content-type': 'text/plain' });
      res.end('Internal error');
    }
  });
  return new Promise((resolve) => {
    server.listen(config.port, config.host, () => resolve(server));
  });
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const config = readConfig();
  await startServer(config);
  console.log(`App: ${config.appOrigin}/ (framed by ${config.dashboardOrigins.join(', ')})`);
}
