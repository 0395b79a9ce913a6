/** Files in the composer and in the thread: what the thread and the send path share. */
import type { Attachment } from '@bevatel/protocol';

/** Files the agent picked, dropped or pasted, before they are sent. */
export interface PendingFile {
  /** Stable key for the list (names repeat: two pasted screenshots are both "image.png"). */
  key: string;
  file: File;
  /** An object URL for an image's preview chip; revoked when the chip goes. */
  previewUrl: string | null;
}

let fileSeq = 0;

const PREVIEWABLE = /^image\/(png|jpeg|gif|webp|avif)$/;

export function toPendingFile(file: File): PendingFile {
  fileSeq += 1;
  const previewUrl =
    PREVIEWABLE.test(file.type) && typeof URL.createObjectURL === 'function'
      ? URL.createObjectURL(file)
      : null;
  return { key: `f${fileSeq}`, file, previewUrl };
}

export function releasePendingFile(pending: PendingFile): void {
  if (pending.previewUrl) URL.revokeObjectURL(pending.previewUrl);
}

/** A pasted screenshot has a generic name; give it one that says when it was taken. */
export function namedPaste(file: File, now = new Date()): File {
  if (file.name && file.name !== 'image.png') return file;
  const stamp = now.toISOString().slice(0, 19).replace(/[T:]/g, '-');
  const extension = file.type.split('/')[1] || 'png';
  return new File([file], `pasted-${stamp}.${extension}`, { type: file.type });
}

/** The body Chatwoot's clients post for a message with files. */
export function messageForm(
  content: string,
  isPrivate: boolean,
  echoId: string,
  files: readonly File[],
): FormData {
  const form = new FormData();
  if (content) form.append('content', content);
  form.append('private', String(isPrivate));
  form.append('echo_id', echoId);
  for (const file of files) form.append('attachments[]', file, file.name);
  return form;
}

/** Bytes as the locale writes them, from kilobytes up: 0.8 kB, 14 kB, 3.2 MB. */
export function formatBytes(locale: string, bytes: number): string {
  const units = ['kilobyte', 'megabyte', 'gigabyte'] as const;
  let value = Math.max(bytes, 100) / 1000;
  let unit = 0;
  while (value >= 1000 && unit < units.length - 1) {
    value /= 1000;
    unit += 1;
  }
  return new Intl.NumberFormat(locale, {
    style: 'unit',
    unit: units[unit],
    unitDisplay: 'short',
    maximumFractionDigits: value < 10 ? 1 : 0,
  }).format(value);
}

/** What a download link is called: the sender's file name, else the kind and extension. */
export function attachmentName(attachment: Attachment): string {
  if (attachment.file_name) return attachment.file_name;
  return attachment.extension
    ? `${attachment.file_type}.${attachment.extension}`
    : attachment.file_type;
}
