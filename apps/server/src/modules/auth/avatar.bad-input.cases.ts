import type { BadInputCase } from '../../test/bad-input';
import { encodeForm, messageForm, pdfFile, pngImage, type FilePart } from '../../test/uploads';

const AVATAR = '/api/v1/profile/avatar';

const upload = (files: FilePart[] | (() => Promise<FilePart[]>)) => async () => {
  const list = typeof files === 'function' ? await files() : files;
  const { payload, headers } = await encodeForm(messageForm({}, list));
  return { body: payload, headers };
};

/** Uploads that are not an avatar: refused, and the profile keeps the one it has. */
export const avatarBadInputCases: BadInputCase[] = [
  {
    method: 'POST',
    route: AVATAR,
    note: 'a JSON body instead of a form',
    input: () => ({ body: { avatar: 'https://example.com/me.png' } }),
    expect: 422,
    field: 'avatar',
  },
  {
    method: 'POST',
    route: AVATAR,
    note: 'a form without the file',
    input: upload([]),
    expect: 422,
    field: 'avatar',
  },
  {
    method: 'POST',
    route: AVATAR,
    note: 'a PDF named .png',
    input: upload([{ name: 'avatar', fileName: 'me.png', data: pdfFile(), type: 'image/png' }]),
    expect: 422,
    field: 'avatar',
  },
  {
    method: 'POST',
    route: AVATAR,
    note: 'the image in another field',
    input: upload(async () => [{ name: 'photo', fileName: 'me.png', data: await pngImage() }]),
    expect: 422,
    field: 'photo',
  },
  {
    method: 'POST',
    route: AVATAR,
    note: 'an image larger than 5 MB',
    input: upload([
      { name: 'avatar', fileName: 'big.png', data: Buffer.alloc(5 * 1024 * 1024 + 1) },
    ]),
    expect: 413,
    field: 'avatar',
  },
  {
    method: 'GET',
    route: '/avatars/:user_id/:name',
    note: 'a name that is not an avatar name',
    input: () => ({ params: { user_id: 1, name: '..%2F..%2Fsecret_key_base' } }),
    expect: 422,
  },
];
