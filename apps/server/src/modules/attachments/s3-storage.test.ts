/**
 * The S3 backend against a real S3-compatible server (s3rver, started here on a free port):
 * the storage contract directly, then a message with a file sent and served through the app
 * with ATTACHMENT_STORAGE=s3.
 */
import type { Attachment } from '@bevatel/protocol';
import { mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, request, testConfig, type TestApp } from '../../test/app';
import { conversationsUrl, openConversation } from '../../test/conversations';
import { createWorld, type World } from '../../test/fixtures';
import { s3Storage, type S3Settings } from './s3-storage';
import { StoredObjectMissing } from './storage';
import { encodeForm, messageForm, pngImage } from '../../test/uploads';

interface S3rverInstance {
  run(): Promise<AddressInfo>;
  close(): Promise<void>;
}
type S3rverClass = new (options: Record<string, unknown>) => S3rverInstance;
const S3rver = createRequire(import.meta.url)('s3rver') as S3rverClass;

const BUCKET = 'bevatel-test';

describe('the S3 attachment storage, against s3rver', () => {
  const dir = mkdtempSync(join(tmpdir(), 'bevatel-s3rver-'));
  let server: S3rverInstance;
  let settings: S3Settings;
  let t: TestApp;
  let world: World;

  beforeAll(async () => {
    server = new S3rver({
      address: '127.0.0.1',
      port: 0,
      silent: true,
      directory: dir,
      configureBuckets: [{ name: BUCKET, configs: [] }],
    });
    const { port } = await server.run();
    settings = {
      bucket: BUCKET,
      region: 'us-east-1',
      endpoint: `http://127.0.0.1:${port}`,
      forcePathStyle: true,
      // s3rver's own credentials: it checks request signatures like S3 does.
      credentials: { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' },
      prefix: 'attachments/',
    };
    t = await createTestApp('sqlite', {
      attachments: { ...testConfig().attachments, storage: { kind: 's3', ...settings } },
    });
    world = await createWorld(t.app.db);
  });
  afterAll(async () => {
    await t?.close();
    await server?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('puts, gets and deletes objects; a missing one is StoredObjectMissing', async () => {
    const storage = s3Storage(settings);
    try {
      const body = Buffer.from('hello from s3');
      await storage.put('1/abc', body, 'text/plain');
      const stream = await storage.get('1/abc');
      const chunks: Buffer[] = [];
      for await (const chunk of stream) chunks.push(chunk as Buffer);
      expect(Buffer.concat(chunks).toString()).toBe('hello from s3');
      await storage.delete('1/abc');
      await expect(storage.get('1/abc')).rejects.toBeInstanceOf(StoredObjectMissing);
      // Deleting what is not there is no error.
      await storage.delete('1/never');
    } finally {
      await storage.close();
    }
  });

  it('stores a message’s image and thumbnail in the bucket and serves them through signed links', async () => {
    expect(t.app.attachments.storage.kind).toBe('s3');
    const conversation = await openConversation(t.app, world);
    const png = await pngImage(300, 200);
    const { payload, headers } = await encodeForm(
      messageForm({ content: 'via s3' }, [{ fileName: 'photo.png', data: png }]),
    );
    const res = await request(
      t.app,
      'POST',
      conversationsUrl(world, `/${conversation.id}/messages`),
      {
        as: world.admin,
        body: payload,
        headers,
      },
    );
    expect(res.statusCode, res.body).toBe(200);
    const [file] = res.json().attachments as Attachment[];
    expect(file).toMatchObject({ file_type: 'image', width: 300, height: 200 });
    for (const [url, type] of [
      [file!.data_url, 'image/png'],
      [file!.thumb_url, 'image/webp'],
    ] as const) {
      const { pathname, search } = new URL(url);
      const served = await t.app.inject({ method: 'GET', url: `${pathname}${search}` });
      expect(served.statusCode).toBe(200);
      expect(served.headers['content-type']).toBe(type);
    }
    const original = await t.app.inject({
      method: 'GET',
      url: new URL(file!.data_url).pathname + new URL(file!.data_url).search,
    });
    expect(original.rawPayload.equals(png)).toBe(true);
  });
});
