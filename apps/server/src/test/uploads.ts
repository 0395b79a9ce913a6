/** Helpers for the attachment tests (not a test file itself). */
import sharp from 'sharp';

export interface FilePart {
  name?: string;
  fileName: string;
  data: Buffer;
  /** What the client claims; the server ignores it. */
  type?: string;
}

/** A small PNG (a red rectangle). */
export const pngImage = (width = 40, height = 30): Promise<Buffer> =>
  sharp({ create: { width, height, channels: 3, background: '#d33' } })
    .png()
    .toBuffer();

/** The first bytes of a PDF: enough for the sniffer. */
export const pdfFile = (): Buffer =>
  Buffer.from('%PDF-1.4\n1 0 obj\n<< /Type /Catalog >>\nendobj\ntrailer\n<< >>\n%%EOF\n');

/** The form a Chatwoot client posts: text fields and `attachments[]` files. */
export function messageForm(fields: Record<string, string>, files: FilePart[]): FormData {
  const form = new FormData();
  for (const [name, value] of Object.entries(fields)) form.append(name, value);
  for (const file of files) {
    form.append(
      file.name ?? 'attachments[]',
      new Blob([new Uint8Array(file.data)], { type: file.type ?? 'application/octet-stream' }),
      file.fileName,
    );
  }
  return form;
}

/** A form as bytes and its Content-Type, for `app.inject`. */
export async function encodeForm(
  form: FormData,
): Promise<{ payload: Buffer; headers: Record<string, string> }> {
  const encoded = new Response(form);
  return {
    payload: Buffer.from(await encoded.arrayBuffer()),
    headers: { 'content-type': encoded.headers.get('content-type') ?? '' },
  };
}
