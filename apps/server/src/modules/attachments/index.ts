/** Message attachments: what the rest of the server uses of this module. */
export { attachmentsPlugin } from './plugin';
export { attachmentFileRoutes } from './routes';
export { acceptMultipart, readMultipart, uploadsOf, type Upload } from './multipart';
export { sniffType } from './sniff';
export {
  withStoredUploads,
  dropUnreferenced,
  type StoredUpload,
  type AttachmentDeps,
} from './stored';
export { insertAttachments, deleteAttachmentsOf, attachmentKeysOf } from './commands';
