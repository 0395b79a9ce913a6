import type { Attachment, Conversation, Message } from '@bevatel/protocol';
import { readdir } from 'node:fs/promises';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { attachmentPath } from '../../lib/attachment-links';
import { createTestApp, request, testConfig, type AsUser, type TestApp } from '../../test/app';
import { conversationsUrl, openConversation, recordEvents } from '../../test/conversations';
import { DATABASE_KINDS } from '../../test/databases';
import { createWorld, type World } from '../../test/fixtures';
import { encodeForm, messageForm, pdfFile, pngImage, type FilePart } from '../../test/uploads';

/** Every file under a folder, recursively (the disk storage's contents). */
async function storedFiles(dir: string): Promise<string[]> {
  try {
    const entries = await readdir(dir, { recursive: true, withFileTypes: true });
    return entries.filter((e) => e.isFile()).map((e) => join(e.parentPath, e.name));
  } catch {
    return [];
  }
}

describe.each(DATABASE_KINDS)('attachments on %s', (kind) => {
  let t: TestApp;
  let world: World;
  let bus: ReturnType<typeof recordEvents>;
  let conversation: Conversation;
  const dir = mkdtempSync(join(tmpdir(), 'bevatel-attachments-'));
  const MAX = 200_000;

  const messagesUrl = (c: Conversation) => conversationsUrl(world, `/${c.id}/messages`);
  async function send(
    fields: Record<string, string>,
    files: FilePart[],
    as: AsUser = world.agent,
    c: Conversation = conversation,
  ) {
    const { payload, headers } = await encodeForm(messageForm(fields, files));
    return request(t.app, 'POST', messagesUrl(c), { as, body: payload, headers });
  }
  /** GETs a signed link through the app (path and query of the absolute URL). */
  const fetchLink = (url: string) => {
    const { pathname, search } = new URL(url);
    return t.app.inject({ method: 'GET', url: `${pathname}${search}` });
  };

  beforeAll(async () => {
    t = await createTestApp(kind, {
      attachments: {
        ...testConfig().attachments,
        maxBytes: MAX,
        maxFiles: 3,
        storage: { kind: 'disk', dir },
      },
    });
    world = await createWorld(t.app.db);
    bus = recordEvents(t.app);
    conversation = await openConversation(t.app, world, { assignee_id: world.agent.id });
    // A subscriber, so the outbox records message_created payloads (never reachable: .invalid).
    await t.app.db
      .insertInto('webhooks')
      .values({
        account_id: world.accountId,
        name: null,
        url: 'https://hooks.example.invalid/chatwoot',
        subscriptions: '["message_created"]',
        secret_sealed: 'v1.x.y.z',
        created_at: Date.now(),
        updated_at: Date.now(),
      })
      .execute();
  });
  afterAll(async () => {
    bus.stop();
    await t.close();
    rmSync(dir, { recursive: true, force: true });
  });
  beforeEach(() => bus.clear());

  it('takes a Chatwoot multipart reply with an image: Chatwoot’s attachment shape, a thumbnail, served inline', async () => {
    const png = await pngImage(400, 300);
    const res = await send({ content: 'Here is the photo', private: 'false', echo_id: 'att-1' }, [
      { fileName: 'receipt.png', data: png, type: 'image/png' },
    ]);
    expect(res.statusCode, res.body).toBe(200);
    const message: Message = res.json();
    expect(message).toMatchObject({ content: 'Here is the photo', echo_id: 'att-1' });
    expect(message.attachments).toHaveLength(1);
    const [file] = message.attachments as Attachment[];
    expect(file).toEqual({
      id: expect.any(Number),
      message_id: message.id,
      file_type: 'image',
      account_id: world.accountId,
      extension: 'png',
      file_name: 'receipt.png',
      data_url: expect.stringMatching(
        /^http:\/\/localhost:3000\/attachments\/\d+\/file\?expires=\d+&signature=/,
      ),
      thumb_url: expect.stringMatching(/\/attachments\/\d+\/thumb\?expires=\d+&signature=/),
      file_size: png.length,
      width: 400,
      height: 300,
    });

    const original = await fetchLink(file!.data_url);
    expect(original.statusCode).toBe(200);
    expect(original.headers['content-type']).toBe('image/png');
    expect(original.headers['content-disposition']).toMatch(/^inline; filename="receipt.png"/);
    expect(original.headers['x-content-type-options']).toBe('nosniff');
    expect(original.rawPayload.equals(png)).toBe(true);
    const thumb = await fetchLink(file!.thumb_url);
    expect(thumb.statusCode).toBe(200);
    expect(thumb.headers['content-type']).toBe('image/webp');
    expect(thumb.rawPayload.length).toBeGreaterThan(0);
    expect(thumb.rawPayload.length).toBeLessThan(png.length);

    // The thread, the realtime event and the webhook outbox carry the same attachment.
    const page = await request(t.app, 'GET', messagesUrl(conversation), { as: world.agent });
    const listed = (page.json().payload as Message[]).find((m) => m.id === message.id);
    expect(listed?.attachments?.[0]).toMatchObject({ id: file!.id, file_type: 'image' });
    const created = bus.events.find((e) => e.event === 'message.created');
    expect((created?.data as Message).attachments?.[0]).toMatchObject({ id: file!.id });
    const delivery = await t.app.db
      .selectFrom('webhook_deliveries')
      .select('payload')
      .where('event', '=', 'message_created')
      .orderBy('id', 'desc')
      .executeTakeFirstOrThrow();
    expect(JSON.parse(delivery.payload)).toMatchObject({
      event: 'message_created',
      id: message.id,
      attachments: [{ id: file!.id, file_type: 'image', data_url: file!.data_url }],
    });
    // Messages without files carry no key, as on Chatwoot.
    expect((page.json().payload as Message[])[0]).not.toHaveProperty('attachments');
  });

  it('sniffs the type from the bytes, not the name: an HTML page named .png is a download', async () => {
    const html = Buffer.from('<html><script>alert(document.cookie)</script></html>');
    const res = await send({ content: 'look' }, [
      { fileName: 'innocent.png', data: html, type: 'image/png' },
      { fileName: 'invoice.pdf', data: pdfFile(), type: 'text/html' },
    ]);
    expect(res.statusCode, res.body).toBe(200);
    const [page, pdf] = res.json().attachments as Attachment[];
    expect(page).toMatchObject({ file_type: 'file', extension: null, thumb_url: '', width: null });
    expect(pdf).toMatchObject({ file_type: 'file', extension: 'pdf', thumb_url: '' });
    const served = await fetchLink(page!.data_url);
    expect(served.statusCode).toBe(200);
    expect(served.headers['content-type']).toBe('application/octet-stream');
    expect(served.headers['content-disposition']).toMatch(/^attachment; filename="innocent.png"/);
    expect(served.headers['x-content-type-options']).toBe('nosniff');
    expect(served.headers['content-security-policy']).toContain('sandbox');
    const servedPdf = await fetchLink(pdf!.data_url);
    expect(servedPdf.headers['content-type']).toBe('application/pdf');
    expect(servedPdf.headers['content-disposition']).toMatch(/^attachment;/);
  });

  it('accepts files without text, and content_attributes as JSON text; a private note with a file', async () => {
    const res = await send(
      { private: 'true', content_attributes: JSON.stringify({ in_reply_to: 1 }) },
      [{ fileName: 'a.pdf', data: pdfFile() }],
    );
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({
      content: null,
      private: true,
      content_attributes: { in_reply_to: 1 },
    });
    const blank = await send({ private: 'false' }, []);
    expect(blank.statusCode).toBe(422);
    expect(blank.json()).toMatchObject({ field: 'content' });
  });

  it('refuses a file over ATTACHMENT_MAX_BYTES with 413 JSON, and stores nothing', async () => {
    const before = await storedFiles(dir);
    const count = await t.app.db
      .selectFrom('messages')
      .select((eb) => eb.fn.countAll().as('n'))
      .executeTakeFirstOrThrow();
    const res = await send({ content: 'big' }, [
      { fileName: 'big.bin', data: Buffer.alloc(MAX + 1, 7) },
    ]);
    expect(res.statusCode).toBe(413);
    expect(res.json()).toMatchObject({ error: 'payload_too_large', field: 'attachments' });
    expect(res.json().message).toMatch(/ATTACHMENT_MAX_BYTES/);
    const tooMany = await send(
      { content: 'many' },
      Array.from({ length: 4 }, (_, i) => ({ fileName: `f${i}.pdf`, data: pdfFile() })),
    );
    expect(tooMany.statusCode).toBe(413);
    expect(await storedFiles(dir)).toEqual(before);
    const after = await t.app.db
      .selectFrom('messages')
      .select((eb) => eb.fn.countAll().as('n'))
      .executeTakeFirstOrThrow();
    expect(Number(after.n)).toBe(Number(count.n));
  });

  it('refuses a writer who may not see the conversation, before storing anything', async () => {
    // The outsider belongs to another inbox (the website's), not the API inbox of the conversation.
    await t.app.db
      .insertInto('inbox_members')
      .values({ inbox_id: world.widgetInboxId, user_id: world.outsider.id })
      .execute();
    const before = await storedFiles(dir);
    const res = await send(
      { content: 'x' },
      [{ fileName: 'a.png', data: await pngImage() }],
      world.outsider,
    );
    expect(res.statusCode).toBe(404);
    expect(await storedFiles(dir)).toEqual(before);
    const list = await request(t.app, 'GET', messagesUrl(conversation), { as: world.outsider });
    expect(list.statusCode).toBe(404);
  });

  it('refuses expired, tampered and borrowed links', async () => {
    const res = await send({ content: 'links' }, [{ fileName: 'a.png', data: await pngImage() }]);
    const [file] = res.json().attachments as Attachment[];
    const url = new URL(file!.data_url);
    const id = file!.id;
    const past = Math.floor(Date.now() / 1000) - 10;
    const expired = await t.app.inject({ method: 'GET', url: attachmentPath(id, 'file', past) });
    expect(expired.statusCode).toBe(410);
    expect(expired.json()).toMatchObject({ error: 'gone' });

    const signature = url.searchParams.get('signature')!;
    const flipped = `${signature.slice(0, -1)}${signature.endsWith('A') ? 'B' : 'A'}`;
    const expires = url.searchParams.get('expires');
    const cases = [
      `/attachments/${id}/file?expires=${expires}&signature=${flipped}`,
      // A later expiry with the old signature.
      `/attachments/${id}/file?expires=${Number(expires) + 3600}&signature=${signature}`,
      // Another attachment with this one's signature.
      `/attachments/${id - 1}/file?expires=${expires}&signature=${signature}`,
      // The thumbnail's link does not open the original, nor the reverse.
      `/attachments/${id}/file${new URL(file!.thumb_url).search}`,
    ];
    for (const path of cases) {
      const answer = await t.app.inject({ method: 'GET', url: path });
      expect(answer.statusCode, path).toBe(403);
      expect(answer.json()).toMatchObject({ error: 'forbidden' });
    }
    const bad = await t.app.inject({
      method: 'GET',
      url: `/attachments/${id}/file?expires=x&signature=y`,
    });
    expect(bad.statusCode).toBe(422);
    const missing = await t.app.inject({ method: 'GET', url: `/attachments/${id}/file` });
    expect(missing.statusCode).toBe(422);
  });

  it('removes the files of a deleted message, and of a retried request answered with its first message', async () => {
    const first = await send({ content: 'retry me', echo_id: 'retry-1' }, [
      { fileName: 'a.png', data: await pngImage() },
    ]);
    expect(first.statusCode).toBe(200);
    const filesAfterFirst = await storedFiles(dir);
    const again = await send({ content: 'retry me', echo_id: 'retry-1' }, [
      { fileName: 'a.png', data: await pngImage() },
    ]);
    expect(again.statusCode).toBe(200);
    expect(again.json().id).toBe(first.json().id);
    expect(await storedFiles(dir)).toEqual(filesAfterFirst);

    const removed = await request(
      t.app,
      'DELETE',
      `${messagesUrl(conversation)}/${first.json().id}`,
      { as: world.agent },
    );
    expect(removed.statusCode).toBe(200);
    expect(removed.json()).not.toHaveProperty('attachments');
    expect((await storedFiles(dir)).length).toBe(filesAfterFirst.length - 2);
    const link = await fetchLink(first.json().attachments[0].data_url);
    expect(link.statusCode).toBe(404);
  });

  it('keeps JSON bodies working, and refuses malformed multipart with 4xx JSON', async () => {
    const json = await request(t.app, 'POST', messagesUrl(conversation), {
      as: world.agent,
      body: { content: 'plain JSON' },
    });
    expect(json.statusCode).toBe(200);
    const noBoundary = await request(t.app, 'POST', messagesUrl(conversation), {
      as: world.agent,
      body: 'content=hello',
      headers: { 'content-type': 'multipart/form-data' },
    });
    expect(noBoundary.statusCode).toBeGreaterThanOrEqual(400);
    expect(noBoundary.statusCode).toBeLessThan(500);
    expect(noBoundary.json()).toHaveProperty('error');
    const wrongField = await send({ content: 'x' }, [
      { name: 'file', fileName: 'a.pdf', data: pdfFile() },
    ]);
    expect(wrongField.statusCode).toBe(422);
    expect(wrongField.json()).toMatchObject({ field: 'file' });
    const badAttributes = await send({ content: 'x', content_attributes: '{nope' }, []);
    expect(badAttributes.statusCode).toBe(422);
    const badPrivate = await send({ content: 'x', private: 'maybe' }, []);
    expect(badPrivate.statusCode).toBe(422);
  });
});
