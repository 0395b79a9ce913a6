/**
 * `multipart/form-data` message bodies, as Chatwoot's clients send them when a message has
 * files: text fields (`content`, `private`, `echo_id`, `content_attributes` as JSON text…)
 * plus files in `attachments[]`. The fields become the request body, typed as the JSON body
 * would be, so the route's schema validates both encodings alike; the files wait beside it.
 */
import multipart from '@fastify/multipart';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { HttpError, invalid } from '../../lib/errors';

/** A file as received: bytes and the name the client gave (the declared type is ignored). */
export interface Upload {
  fileName: string;
  data: Buffer;
}

/** Field names files may come in: Chatwoot's `attachments[]`, and `attachments`. */
const FILE_FIELDS = new Set(['attachments[]', 'attachments']);
/** A text field's largest value: a message's content (150,000 characters) fits. */
const MAX_FIELD_BYTES = 1024 * 1024;

const uploads = new WeakMap<FastifyRequest, Upload[]>();

/** The files of a multipart request (none for JSON). */
export function uploadsOf(request: FastifyRequest): Upload[] {
  return uploads.get(request) ?? [];
}

/** Text fields typed as in JSON: booleans and the JSON object fields. */
function typed(name: string, value: string): unknown {
  if (name === 'private') {
    if (value === 'true' || value === '1') return true;
    if (value === 'false' || value === '0') return false;
    return value;
  }
  if (name === 'content_attributes') {
    try {
      return JSON.parse(value) as unknown;
    } catch {
      throw invalid(name, 'content_attributes must be a JSON object');
    }
  }
  return value;
}

function mb(bytes: number): string {
  return `${Math.round((bytes / 1024 / 1024) * 10) / 10} MB`;
}

/**
 * Accepts multipart bodies on the routes of `scope` (registered in that scope only). Routes
 * opt in with `preValidation: readMultipart(limits)`.
 */
export async function acceptMultipart(scope: FastifyInstance): Promise<void> {
  await scope.register(multipart, { throwFileSizeLimit: true });
}

export function readMultipart(limits: () => { maxBytes: number; maxFiles: number }) {
  return async (request: FastifyRequest): Promise<void> => {
    if (!request.isMultipart()) return;
    const { maxBytes, maxFiles } = limits();
    const fields: Record<string, unknown> = {};
    const files: Upload[] = [];
    try {
      const parts = request.parts({
        limits: { fileSize: maxBytes, files: maxFiles, fields: 50, fieldSize: MAX_FIELD_BYTES },
      });
      for await (const part of parts) {
        if (part.type === 'file') {
          if (!FILE_FIELDS.has(part.fieldname)) {
            await part.toBuffer();
            throw invalid(part.fieldname, 'files are accepted in attachments[] only');
          }
          const data = await part.toBuffer();
          if (data.length === 0)
            throw invalid('attachments', `${part.filename || 'a file'} is empty`);
          files.push({ fileName: part.filename, data });
          continue;
        }
        if (part.valueTruncated) {
          throw new HttpError('payload_too_large', `${part.fieldname} is too long`, part.fieldname);
        }
        if (Object.hasOwn(fields, part.fieldname)) {
          throw invalid(part.fieldname, `${part.fieldname} is sent more than once`);
        }
        const value = String(part.value);
        // Chatwoot's dashboard sends empty cc_emails, to_emails…: an empty field is no field.
        if (value !== '') fields[part.fieldname] = typed(part.fieldname, value);
      }
    } catch (error) {
      throw multipartError(error, maxBytes, maxFiles);
    }
    request.body = fields;
    uploads.set(request, files);
  };
}

/** The multipart library's errors in the product's words (the error plugin shapes them). */
function multipartError(error: unknown, maxBytes: number, maxFiles: number): unknown {
  const code = (error as { code?: string }).code;
  if (code === 'FST_REQ_FILE_TOO_LARGE') {
    return new HttpError(
      'payload_too_large',
      `An attachment is larger than ${mb(maxBytes)} (ATTACHMENT_MAX_BYTES)`,
      'attachments',
    );
  }
  if (code === 'FST_FILES_LIMIT') {
    return new HttpError(
      'payload_too_large',
      `A message carries at most ${maxFiles} attachments`,
      'attachments',
    );
  }
  if (code === 'FST_FIELDS_LIMIT' || code === 'FST_PARTS_LIMIT') {
    return new HttpError('payload_too_large', 'Too many form fields');
  }
  if (code === 'FST_PROTO_VIOLATION') return new HttpError('bad_request', 'Bad form field name');
  if (error instanceof HttpError) return error;
  // Busboy: a missing boundary, a cut body, malformed part headers.
  if (error instanceof Error && !(error as { statusCode?: number }).statusCode) {
    return new HttpError('bad_request', `Malformed multipart body: ${error.message}`);
  }
  return error;
}
