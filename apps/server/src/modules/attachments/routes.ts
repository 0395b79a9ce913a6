/**
 * `GET /attachments/:id/file|thumb?expires=…&signature=…`: the bytes behind a signed link. No
 * session is needed (the link is the credential, handed out only inside messages to those who
 * may see the conversation, and it expires). Only raster images are shown inline; everything
 * else is a download, with nosniff and a sandboxing policy so a file can never run as a page of
 * this origin.
 */
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import { checkAttachmentLink } from '../../lib/attachment-links';
import { HttpError, notFound } from '../../lib/errors';
import { Id, OneOf } from '../../lib/schemas';
import { StoredObjectMissing } from './storage';

const Params = Type.Object(
  { id: Id(), variant: OneOf(['file', 'thumb'] as const) },
  { additionalProperties: false },
);
const Query = Type.Object({
  expires: Type.Integer({ minimum: 0, maximum: 99_999_999_999 }),
  signature: Type.String({ minLength: 1, maxLength: 100, pattern: '^[A-Za-z0-9_-]+$' }),
});

/** `filename*` for any name, and an ASCII fallback for old clients. */
function disposition(kind: 'inline' | 'attachment', name: string): string {
  const ascii = name.replace(/[^\x20-\x7e]/g, '_').replace(/[\\"]/g, '_');
  return `${kind}; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(name)}`;
}

export async function attachmentFileRoutes(scope: FastifyInstance): Promise<void> {
  const app = scope.withTypeProvider<TypeBoxTypeProvider>();
  app.get(
    '/attachments/:id/:variant',
    { schema: { params: Params, querystring: Query } },
    async (request, reply) => {
      const { id, variant } = request.params;
      const { expires, signature } = request.query;
      const check = checkAttachmentLink(id, variant, expires, signature);
      if (check === 'bad_signature') {
        throw new HttpError('forbidden', 'This attachment link is not valid');
      }
      if (check === 'expired') {
        throw new HttpError('gone', 'This attachment link has expired: reload the conversation');
      }
      const row = await app.db
        .selectFrom('attachments')
        .selectAll()
        .where('id', '=', id)
        .executeTakeFirst();
      const key = row && (variant === 'thumb' ? row.thumb_key : row.storage_key);
      if (!row || !key) throw notFound('Attachment');
      let body;
      try {
        body = await app.attachments.storage.get(key);
      } catch (error) {
        if (error instanceof StoredObjectMissing) throw notFound('Attachment file');
        throw error;
      }
      const inline = row.file_type === 'image';
      const remaining = Math.max(0, Math.floor(expires - Date.now() / 1000));
      if (variant === 'file') reply.header('content-length', row.file_size);
      return (
        reply
          .header('content-type', variant === 'thumb' ? 'image/webp' : row.content_type)
          .header(
            'content-disposition',
            disposition(
              inline ? 'inline' : 'attachment',
              variant === 'thumb' ? `thumb-${row.file_name}.webp` : row.file_name,
            ),
          )
          .header('x-content-type-options', 'nosniff')
          .header('content-security-policy', "default-src 'none'; sandbox; frame-ancestors 'none'")
          // Apps on other origins show the images in <img> tags.
          .header('cross-origin-resource-policy', 'cross-origin')
          // The bytes behind a key never change; the link's lifetime bounds the cache.
          .header('cache-control', `private, max-age=${Math.min(remaining, 3600)}, immutable`)
          .send(body)
      );
    },
  );
}
