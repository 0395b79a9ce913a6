/**
 * The attachment storage of this process (disk or S3, from ATTACHMENT_STORAGE) and the signed
 * links' settings; both built once when the server is.
 */
import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import { configureAttachmentLinks } from '../../lib/attachment-links';
import { diskStorage } from './disk-storage';
import { s3Storage } from './s3-storage';
import type { AttachmentSettings } from './settings';
import type { AttachmentStorage } from './storage';

declare module 'fastify' {
  interface FastifyInstance {
    attachments: { storage: AttachmentStorage; settings: AttachmentSettings };
  }
}

export function storageFor(settings: AttachmentSettings): AttachmentStorage {
  return settings.storage.kind === 's3'
    ? s3Storage(settings.storage)
    : diskStorage(settings.storage.dir);
}

export const attachmentsPlugin = fp(
  async (app: FastifyInstance) => {
    const settings = app.config.attachments;
    configureAttachmentLinks({
      secretKeyBase: app.config.secretKeyBase,
      publicUrl: app.config.publicUrl,
      ttlSeconds: settings.urlTtlSeconds,
    });
    const storage = storageFor(settings);
    app.decorate('attachments', { storage, settings });
    app.addHook('onClose', async () => storage.close());
  },
  { name: 'attachments' },
);
