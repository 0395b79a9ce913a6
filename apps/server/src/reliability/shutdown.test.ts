import { mkdtempSync, rmSync } from 'node:fs';
import { connect, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type ServerProcess } from '../realtime/processes';
import { accountPath, call, seedWorld, type FaultWorld } from './support';

/**
 * A WebSocket client that never answers the server's close frame, so the server waits its
 * grace period for it: the window in which a shutting-down server still takes requests.
 */
function stubbornSocket(port: number, token: string): Promise<Socket> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1', () => {
      socket.write(
        [
          'GET /cable HTTP/1.1',
          `Host: 127.0.0.1:${port}`,
          'Upgrade: websocket',
          'Connection: Upgrade',
          'Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==',
          'Sec-WebSocket-Version: 13',
          `api_access_token: ${token}`,
          '',
          '',
        ].join('\r\n'),
      );
    });
    socket.once('data', (data) => {
      if (data.toString().startsWith('HTTP/1.1 101')) resolve(socket);
      else reject(new Error(`upgrade refused: ${data.toString()}`));
    });
    socket.once('error', reject);
  });
}

describe('graceful shutdown', () => {
  let dir: string;
  let server: ServerProcess;
  let world: FaultWorld;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'bevatel-shutdown-'));
    const url = `sqlite:${join(dir, 'db.sqlite3')}`;
    world = await seedWorld(url);
    server = await startServer({ DATABASE_URL: url });
  }, 90_000);

  afterAll(async () => {
    await server?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('answers 503 shutting_down in the product error shape while it drains, then exits 0', async () => {
    const socket = await stubbornSocket(server.port, world.admin.access_token);
    process.kill(server.pid, 'SIGTERM');
    await new Promise((resolve) => setTimeout(resolve, 150));
    const during = await call(server.url, 'GET', accountPath(world, '/conversations'), {
      token: world.admin.access_token,
    });
    expect(during.status).toBe(503);
    expect(during.body).toEqual({
      error: 'shutting_down',
      message: expect.any(String),
      statusCode: 503,
    });
    expect(during.headers.get('connection')).toBe('close');
    const ready = await call(server.url, 'GET', '/ready');
    expect(ready.body).toMatchObject({ error: 'shutting_down' });
    socket.destroy();
    expect(await server.exited()).toBe(0);
    expect(server.output()).not.toContain('Service Unavailable');
  }, 30_000);
});
