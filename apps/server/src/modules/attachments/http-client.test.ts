/**
 * A Chatwoot client's message with files, through the real HTTP stack: a listening server,
 * Node's fetch posting a FormData (the encoding Chatwoot's dashboard and SDKs use), then the
 * signed links fetched like an <img> would, without credentials.
 */
import type { Attachment, Message } from '@bevatel/protocol';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, testConfig, type TestApp } from '../../test/app';
import { openConversation } from '../../test/conversations';
import { DATABASE_KINDS } from '../../test/databases';
import { createWorld, type World } from '../../test/fixtures';
import { messageForm, pdfFile, pngImage } from '../../test/uploads';

const freePort = () =>
  new Promise<number>((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
  });

describe.each(DATABASE_KINDS)('a Chatwoot client sending files over HTTP on %s', (kind) => {
  let t: TestApp;
  let world: World;
  let base: string;
  const dir = mkdtempSync(join(tmpdir(), 'bevatel-http-attachments-'));

  beforeAll(async () => {
    const port = await freePort();
    base = `http://127.0.0.1:${port}`;
    t = await createTestApp(kind, {
      publicUrl: base,
      attachments: {
        ...testConfig().attachments,
        maxBytes: 100_000,
        storage: { kind: 'disk', dir },
      },
    });
    world = await createWorld(t.app.db);
    await t.app.listen({ port, host: '127.0.0.1' });
  });
  afterAll(async () => {
    await t.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('posts content, private and attachments[] as multipart; the links load without signing in', async () => {
    const conversation = await openConversation(t.app, world);
    const png = await pngImage(120, 80);
    const url = `${base}/api/v1/accounts/${world.accountId}/conversations/${conversation.id}/messages`;
    const res = await fetch(url, {
      method: 'POST',
      headers: { api_access_token: world.admin.access_token },
      body: messageForm(
        { content: 'Two files', private: 'false', echo_id: 'http-1', cc_emails: '' },
        [
          { fileName: 'photo.png', data: png, type: 'image/png' },
          { fileName: 'terms.pdf', data: pdfFile(), type: 'application/pdf' },
        ],
      ),
    });
    expect(res.status, await res.clone().text()).toBe(200);
    const message = (await res.json()) as Message;
    const [image, pdf] = message.attachments as Attachment[];
    expect(image).toMatchObject({ file_type: 'image', width: 120, height: 80 });
    expect(pdf).toMatchObject({ file_type: 'file', extension: 'pdf' });
    expect(image!.data_url.startsWith(`${base}/attachments/`)).toBe(true);

    const served = await fetch(image!.data_url);
    expect(served.status).toBe(200);
    expect(served.headers.get('content-type')).toBe('image/png');
    expect(served.headers.get('x-content-type-options')).toBe('nosniff');
    expect(served.headers.get('cross-origin-resource-policy')).toBe('cross-origin');
    expect(Buffer.from(await served.arrayBuffer()).equals(png)).toBe(true);
    const thumb = await fetch(image!.thumb_url);
    expect(thumb.headers.get('content-type')).toBe('image/webp');
    const download = await fetch(pdf!.data_url);
    expect(download.headers.get('content-disposition')).toMatch(
      /^attachment; filename="terms.pdf"/,
    );
    await download.arrayBuffer();
  });

  it('answers an oversized file 413 JSON over the wire, and keeps JSON bodies working', async () => {
    const conversation = await openConversation(t.app, world);
    const url = `${base}/api/v1/accounts/${world.accountId}/conversations/${conversation.id}/messages`;
    const big = await fetch(url, {
      method: 'POST',
      headers: { api_access_token: world.admin.access_token },
      body: messageForm({ content: 'big' }, [{ fileName: 'big.bin', data: Buffer.alloc(100_001) }]),
    });
    expect(big.status).toBe(413);
    expect(big.headers.get('content-type')).toMatch(/application\/json/);
    expect(await big.json()).toMatchObject({ error: 'payload_too_large', field: 'attachments' });
    const json = await fetch(url, {
      method: 'POST',
      headers: { api_access_token: world.admin.access_token, 'content-type': 'application/json' },
      body: JSON.stringify({ content: 'plain' }),
    });
    expect(json.status).toBe(200);
    expect(await json.json()).not.toHaveProperty('attachments');
  });
});
