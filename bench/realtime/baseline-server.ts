/**
 * The baseline: a bare `ws` server with nothing in the way. `POST /broadcast` sends its body,
 * as is, to every connected socket. Run as its own process, like the real server.
 */
import { createServer } from 'node:http';
import { WebSocketServer } from 'ws';

const port = Number(process.env.PORT ?? 0);
const server = createServer((request, response) => {
  if (request.method === 'GET' && request.url === '/health') {
    response.end('ok');
    return;
  }
  if (request.method !== 'POST' || request.url !== '/broadcast') {
    response.statusCode = 404;
    response.end();
    return;
  }
  let body = '';
  request.setEncoding('utf8');
  request.on('data', (chunk: string) => (body += chunk));
  request.on('end', () => {
    const data = Buffer.from(body); // encoded once, as the real gateway does
    for (const client of wss.clients) client.send(data, { binary: false });
    response.end('{}');
  });
});
const wss = new WebSocketServer({ server, path: '/cable' });
server.listen(port, '127.0.0.1');
process.on('SIGTERM', () => {
  for (const client of wss.clients) client.terminate();
  server.close(() => process.exit(0));
});
