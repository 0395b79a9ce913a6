/** A stored attachment for the access and bad-input tables (not a test file itself). */
import type { Attachment } from '@bevatel/protocol';
import type { FastifyInstance } from 'fastify';
import { fixtureConversation } from '../../test/conversations';
import type { World } from '../../test/fixtures';
import { encodeForm, messageForm, pngImage } from '../../test/uploads';

/** Sends an image to a fresh conversation of the API inbox (as the admin); its attachment. */
export async function fixtureAttachment(app: FastifyInstance, world: World): Promise<Attachment> {
  const id = await fixtureConversation(app, world, 'api');
  const { payload, headers } = await encodeForm(
    messageForm({ content: 'photo' }, [{ fileName: 'photo.png', data: await pngImage() }]),
  );
  const res = await app.inject({
    method: 'POST',
    url: `/api/v1/accounts/${world.accountId}/conversations/${id}/messages`,
    headers: { ...headers, api_access_token: world.admin.access_token },
    payload,
  });
  if (res.statusCode !== 200) throw new Error(`fixture attachment: ${res.statusCode} ${res.body}`);
  return (res.json().attachments as Attachment[])[0]!;
}

/** The route params and query string of a signed link. */
export function linkInput(url: string): { params: { id: string; variant: string }; query: string } {
  const { pathname, search } = new URL(url);
  const [, , id, variant] = pathname.split('/');
  return { params: { id: id!, variant: variant! }, query: search.slice(1) };
}
