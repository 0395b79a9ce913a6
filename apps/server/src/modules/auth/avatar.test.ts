import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test/app';
import { DATABASE_KINDS } from '../../test/databases';
import { createWorld, type World } from '../../test/fixtures';
import { encodeForm, messageForm, pngImage } from '../../test/uploads';

describe.each(DATABASE_KINDS)('avatars on %s', (kind) => {
  let t: TestApp;
  let w: World;
  beforeAll(async () => {
    t = await createTestApp(kind);
    w = await createWorld(t.app.db);
  });
  afterAll(() => t.close());

  const upload = async (data: Buffer, token = w.agent.access_token) => {
    const { payload, headers } = await encodeForm(
      messageForm({}, [{ name: 'avatar', fileName: 'me.png', data }]),
    );
    return t.app.inject({
      method: 'POST',
      url: '/api/v1/profile/avatar',
      headers: { ...headers, api_access_token: token },
      payload,
    });
  };
  const fetchPath = (url: string) => t.app.inject({ method: 'GET', url: new URL(url).pathname });

  it('redraws the upload as a 256 px WebP served without sign-in, and replaces the old one', async () => {
    const first = await upload(await pngImage(640, 480));
    expect(first.statusCode, first.body).toBe(200);
    const url = first.json().avatar_url as string;
    expect(url).toMatch(/^http:\/\/localhost:3000\/avatars\/\d+\/[0-9a-f-]{36}\.webp$/);
    const served = await fetchPath(url);
    expect(served.statusCode).toBe(200);
    expect(served.headers['content-type']).toBe('image/webp');
    expect(served.headers['x-content-type-options']).toBe('nosniff');
    const meta = await sharp(served.rawPayload).metadata();
    expect([meta.format, meta.width, meta.height]).toEqual(['webp', 256, 256]);
    // Colleagues see it where they see the agent.
    const agents = await t.app.inject({
      method: 'GET',
      url: `/api/v1/accounts/${w.accountId}/agents`,
      headers: { api_access_token: w.admin.access_token },
    });
    const me = (agents.json() as { id: number; thumbnail: string }[]).find(
      (a) => a.id === w.agent.id,
    );
    expect(me?.thumbnail).toBe(url);

    const second = await upload(await pngImage(100, 100));
    const next = second.json().avatar_url as string;
    expect(next).not.toBe(url);
    expect((await fetchPath(url)).statusCode).toBe(404);
    expect((await fetchPath(next)).statusCode).toBe(200);

    const removed = await t.app.inject({
      method: 'DELETE',
      url: '/api/v1/profile/avatar',
      headers: { api_access_token: w.agent.access_token },
    });
    expect(removed.json().avatar_url).toBeFalsy();
    expect((await fetchPath(next)).statusCode).toBe(404);
  });
});
