import { describe, expect, it } from 'vitest';
import { attachmentName, formatBytes, messageForm, namedPaste } from './attachments';

describe('composer attachments', () => {
  it('builds the multipart body Chatwoot clients send', () => {
    const file = new File(['x'], 'a.pdf', { type: 'application/pdf' });
    const form = messageForm('Hi', true, 'echo-1', [file]);
    expect(form.get('content')).toBe('Hi');
    expect(form.get('private')).toBe('true');
    expect(form.get('echo_id')).toBe('echo-1');
    expect((form.getAll('attachments[]')[0] as File).name).toBe('a.pdf');
    expect(messageForm('', false, 'e', [file]).has('content')).toBe(false);
  });

  it('names a pasted screenshot after the moment it was pasted', () => {
    const pasted = new File(['x'], 'image.png', { type: 'image/png' });
    expect(namedPaste(pasted, new Date('2026-12-02T10:11:12Z')).name).toBe(
      'pasted-2026-12-02-10-11-12.png',
    );
    const named = new File(['x'], 'receipt.png', { type: 'image/png' });
    expect(namedPaste(named)).toBe(named);
  });

  it('writes sizes in the reader’s language', () => {
    expect(formatBytes('en', 820)).toBe('0.8 kB');
    expect(formatBytes('en', 14_200)).toBe('14 kB');
    expect(formatBytes('en', 3_200_000)).toBe('3.2 MB');
    expect(formatBytes('ar', 3_200_000)).toMatch(/٣٫٢|3.2/);
  });

  it('calls a download by its file name, else by kind and extension', () => {
    const base = {
      id: 1,
      message_id: 1,
      account_id: 1,
      data_url: '',
      thumb_url: '',
      file_size: 1,
      width: null,
      height: null,
    };
    expect(
      attachmentName({ ...base, file_type: 'file', extension: 'pdf', file_name: 'x.pdf' }),
    ).toBe('x.pdf');
    expect(attachmentName({ ...base, file_type: 'audio', extension: 'mp3', file_name: '' })).toBe(
      'audio.mp3',
    );
  });
});
