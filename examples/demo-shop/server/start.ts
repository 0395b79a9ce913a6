/** The demo shop's server: one page, on its own origin (a customer's website). */
import { createServer, type Server } from 'node:http';
import { shopPage, type ShopCustomer } from './page';

export interface ShopOptions {
  port: number;
  host: string;
  dashboardUrl: string;
  websiteToken: string;
  hmacToken: string;
  customer: ShopCustomer;
  /** Called once per request (the shop's access log). */
  log?: (line: string) => void;
}

export const DEMO_CUSTOMER: ShopCustomer = {
  identifier: 'cust-1001',
  name: 'Emily Carter',
  email: 'emily.carter@example.com',
};

export function startShop(options: ShopOptions): Promise<Server> {
  const server = createServer((request, response) => {
    const url = new URL(request.url ?? '/', 'http://shop.local');
    options.log?.(`${request.method} ${url.pathname}${url.search}`);
    if (url.pathname === '/favicon.ico') {
      response.writeHead(204).end();
      return;
    }
    if (url.pathname !== '/') {
      response.writeHead(404, { 'content-type': 'text/plain' }).end('Not found');
      return;
    }
    const html = shopPage({
      dashboardUrl: options.dashboardUrl,
      websiteToken: options.websiteToken,
      hmacToken: options.hmacToken,
      // ?guest=1 shows the anonymous visitor; ?forged=1 signs with the wrong secret.
      customer: url.searchParams.has('guest') ? null : options.customer,
      forgeHash: url.searchParams.has('forged'),
      locale: url.searchParams.get('lang') === 'ar' ? 'ar' : 'en',
    });
    response.writeHead(200, {
      'content-type': 'text/html; charset=utf-8',
      'cache-control': 'no-cache',
    });
    response.end(html);
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host, () => resolve(server));
  });
}
