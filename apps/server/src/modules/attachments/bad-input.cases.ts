import { attachmentPath } from '../../lib/attachment-links';
import type { BadInputCase, BadInputContext } from '../../test/bad-input';
import { fixtureConversation } from '../../test/conversations';
import { ACCOUNT } from '../../test/routes';
import { fixtureAttachment, linkInput } from './fixtures';
import { encodeForm, messageForm, pdfFile, pngImage, type FilePart } from '../../test/uploads';

const FILE = '/attachments/:id/:variant';
const MESSAGES = `${ACCOUNT}/conversations/:id/messages`;

const link = async ({ app, world }: BadInputContext) =>
  linkInput((await fixtureAttachment(app, world)).data_url);

const linkCases: [
  string,
  (
    ctx: BadInputContext,
  ) => Promise<{ params: { id: string | number; variant: string }; query: string }>,
  number,
][] = [
  ['no signature', async (ctx) => ({ ...(await link(ctx)), query: 'expires=99999999' }), 422],
  [
    'expires not a number',
    async (ctx) => ({ ...(await link(ctx)), query: 'expires=soon&signature=abc' }),
    422,
  ],
  [
    'a signature with bad characters',
    async (ctx) => ({ ...(await link(ctx)), query: "expires=1&signature=' OR 1=1" }),
    422,
  ],
  [
    'an unknown variant',
    async (ctx) => ({
      ...(await link(ctx)),
      params: { id: (await link(ctx)).params.id, variant: 'original' },
    }),
    422,
  ],
  ['id 0', async (ctx) => ({ ...(await link(ctx)), params: { id: 0, variant: 'file' } }), 422],
  [
    'a correctly signed link to an attachment that does not exist',
    async () => {
      const path = new URL(attachmentPath(1_999_999_999, 'file', 99_999_999_999), 'http://x');
      return { params: { id: 1_999_999_999, variant: 'file' }, query: path.search.slice(1) };
    },
    404,
  ],
  [
    'an expired link',
    async (ctx) => {
      const { params } = await link(ctx);
      const path = new URL(attachmentPath(Number(params.id), 'file', 1000), 'http://x');
      return { params, query: path.search.slice(1) };
    },
    410,
  ],
];

/** A multipart message body for the conversation, as a Chatwoot client posts it. */
const form =
  (fields: Record<string, string>, files: FilePart[] | (() => Promise<FilePart[]>)) =>
  async ({ app, world }: BadInputContext) => {
    const list = typeof files === 'function' ? await files() : files;
    const { payload, headers } = await encodeForm(messageForm(fields, list));
    return { params: { id: await fixtureConversation(app, world) }, body: payload, headers };
  };

const multipartCases: [string, ReturnType<typeof form>, number, string?][] = [
  [
    'a file in a field other than attachments[]',
    form({ content: 'x' }, [{ name: 'upload', fileName: 'a.pdf', data: pdfFile() }]),
    422,
    'upload',
  ],
  [
    'an empty file',
    form({ content: 'x' }, [{ fileName: 'a.pdf', data: Buffer.alloc(0) }]),
    422,
    'attachments',
  ],
  [
    'content_attributes that are not JSON',
    form({ content: 'x', content_attributes: '{oops' }, []),
    422,
    'content_attributes',
  ],
  [
    'content_attributes JSON but not an object',
    form({ content: 'x', content_attributes: '[1,2]' }, []),
    422,
    'content_attributes',
  ],
  [
    'private neither true nor false',
    form({ content: 'x', private: 'perhaps' }, []),
    422,
    'private',
  ],
  ['no content and no file', form({ private: 'false' }, []), 422, 'content'],
  [
    'a file for an activity message',
    form({ message_type: 'activity' }, async () => [{ fileName: 'a.png', data: await pngImage() }]),
    422,
    'attachments',
  ],
  ['a NUL in the content', form({ content: 'a\u0000b' }, []), 422, 'content'],
];

export const attachmentBadInputCases: BadInputCase[] = [
  ...linkCases.map(([note, input, expect]): BadInputCase => ({
    method: 'GET',
    route: FILE,
    note,
    input,
    expect,
  })),
  ...multipartCases.map(([note, input, expect, field]): BadInputCase => ({
    method: 'POST',
    route: MESSAGES,
    note: `multipart: ${note}`,
    input,
    expect,
    ...(field ? { field } : {}),
  })),
  {
    method: 'POST',
    route: MESSAGES,
    note: 'multipart without a boundary',
    input: async ({ app, world }) => ({
      params: { id: await fixtureConversation(app, world) },
      body: 'content=hello',
      headers: { 'content-type': 'multipart/form-data' },
    }),
    expect: 400,
  },
];
