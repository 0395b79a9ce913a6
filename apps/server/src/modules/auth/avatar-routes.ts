/**
 * Each person's own avatar: `POST /api/v1/profile/avatar` (multipart, field `avatar`) and
 * `DELETE` it. The image is decoded and redrawn as a 256 px WebP (never served as uploaded), kept
 * in the attachment storage, and served at `/avatars/:user_id/:name` without sign-in — avatars
 * are shown to colleagues, customers (the widget) and dashboard apps on other origins, as
 * Chatwoot's are; the name is random, so an old one stops working once replaced.
 */
import { randomUUID } from 'node:crypto';
import { ok, ProfileSchema } from '@bevatel/protocol/schemas';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import sharp from 'sharp';
import { Type } from 'typebox';
import { HttpError, invalid } from '../../lib/errors';
import { Id } from '../../lib/schemas';
import { nowMs } from '../../lib/time';
import { requireUser } from '../../plugins/auth';
import { acceptMultipart, sniffType } from '../attachments';
import { presentProfile } from './presenter';
import { accountsOfUser } from './queries';

const MAX_AVATAR_BYTES = 5 * 1024 * 1024;
const SIZE = 256;
const NAME = /^[0-9a-f-]{36}\.webp$/;

const keyOf = (userId: number, name: string) => `avatars/${userId}/${name}`;

/** The storage key of a URL this server gave out, or null (a URL set some other way). */
function storedKey(url: string | null, publicUrl: string, userId: number): string | null {
  const prefix = `${publicUrl.replace(/\/$/, '')}/avatars/${userId}/`;
  if (!url?.startsWith(prefix)) return null;
  const name = url.slice(prefix.length);
  return NAME.test(name) ? keyOf(userId, name) : null;
}

/** A square WebP redrawn from the upload: what is served is never the uploaded bytes. */
async function redraw(data: Buffer): Promise<Buffer> {
  if ((await sniffType(data)).fileType !== 'image') {
    throw invalid('avatar', 'The avatar must be a PNG, JPEG, GIF, WebP or AVIF image');
  }
  try {
    return await sharp(data, { limitInputPixels: 50_000_000, failOn: 'error' })
      .rotate()
      .resize(SIZE, SIZE, { fit: 'cover' })
      .webp({ quality: 85 })
      .toBuffer();
  } catch {
    throw invalid('avatar', 'The avatar image could not be read');
  }
}

export async function avatarRoutes(scope: FastifyInstance): Promise<void> {
  const app = scope.withTypeProvider<TypeBoxTypeProvider>();
  await acceptMultipart(scope);

  async function setAvatar(userId: number, url: string | null, old: string | null) {
    await app.db
      .updateTable('users')
      .set({ avatar_url: url, updated_at: nowMs() })
      .where('id', '=', userId)
      .execute();
    const previous = storedKey(old, app.config.publicUrl, userId);
    if (previous) await app.attachments.storage.delete(previous);
  }

  const answer = async (userId: number) => {
    const user = await app.db
      .selectFrom('users')
      .selectAll()
      .where('id', '=', userId)
      .executeTakeFirstOrThrow();
    return presentProfile(user, await accountsOfUser(app.db, userId));
  };

  app.post(
    '/api/v1/profile/avatar',
    { schema: { response: ok(ProfileSchema) } },
    async (request, reply) => {
      reply.header('cache-control', 'no-store');
      const user = requireUser(request);
      if (!request.isMultipart()) {
        throw invalid('avatar', 'Send the avatar as multipart/form-data in the field avatar');
      }
      let data: Buffer | null = null;
      try {
        const file = await request.file({ limits: { fileSize: MAX_AVATAR_BYTES, files: 1 } });
        if (file && file.fieldname !== 'avatar') {
          await file.toBuffer();
          throw invalid(file.fieldname, 'Send the image in the field avatar');
        }
        data = file ? await file.toBuffer() : null;
      } catch (error) {
        if ((error as { code?: string }).code === 'FST_REQ_FILE_TOO_LARGE') {
          throw new HttpError('payload_too_large', 'The avatar is larger than 5 MB', 'avatar');
        }
        if (error instanceof HttpError) throw error;
        throw new HttpError('bad_request', 'The form could not be read');
      }
      if (!data || data.length === 0) throw invalid('avatar', 'avatar is required');
      const name = `${randomUUID()}.webp`;
      await app.attachments.storage.put(keyOf(user.id, name), await redraw(data), 'image/webp');
      const url = `${app.config.publicUrl.replace(/\/$/, '')}/avatars/${user.id}/${name}`;
      await setAvatar(user.id, url, user.avatar_url);
      return answer(user.id);
    },
  );

  app.delete(
    '/api/v1/profile/avatar',
    { schema: { response: ok(ProfileSchema) } },
    async (request, reply) => {
      reply.header('cache-control', 'no-store');
      const user = requireUser(request);
      await setAvatar(user.id, null, user.avatar_url);
      return answer(user.id);
    },
  );

  app.get(
    '/avatars/:user_id/:name',
    {
      schema: {
        params: Type.Object({ user_id: Id(), name: Type.String({ pattern: NAME.source }) }),
      },
    },
    async (request, reply) => {
      const { user_id, name } = request.params;
      const owner = await app.db
        .selectFrom('users')
        .select('avatar_url')
        .where('id', '=', user_id)
        .executeTakeFirst();
      // Only the current avatar: a replaced one is gone for everyone.
      if (
        storedKey(owner?.avatar_url ?? null, app.config.publicUrl, user_id) !== keyOf(user_id, name)
      ) {
        throw new HttpError('not_found', 'No such avatar');
      }
      const body = await app.attachments.storage.get(keyOf(user_id, name));
      return reply
        .header('content-type', 'image/webp')
        .header('cache-control', 'public, max-age=86400')
        .header('x-content-type-options', 'nosniff')
        .send(body);
    },
  );
}
