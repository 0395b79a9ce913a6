import { ACCOUNT, apiInboxMembers, type AccessCase, type Actor } from '../../test/access';
import { fixtureConversation } from '../../test/conversations';
import { fixtureAttachment, linkInput } from './fixtures';
import { encodeForm, messageForm, pdfFile } from '../../test/uploads';

const FILE = '/attachments/:id/:variant';

/** The signed link is the credential: whoever holds it (signed in or not) gets the same. */
const anyone = (status: number): Record<Actor, number> => ({
  anonymous: status,
  agent: status,
  outsider: status,
  admin: status,
  stranger: status,
});

export const attachmentAccessCases: AccessCase[] = [
  {
    method: 'GET',
    route: FILE,
    note: 'a valid signed link',
    input: async ({ app, world }) => linkInput((await fixtureAttachment(app, world)).data_url),
    expect: anyone(200),
  },
  {
    method: 'GET',
    route: FILE,
    note: 'a tampered signature',
    input: async ({ app, world }) => {
      const link = linkInput((await fixtureAttachment(app, world)).thumb_url);
      return { ...link, query: link.query.replace(/signature=./, 'signature=_') };
    },
    expect: anyone(403),
  },
  {
    method: 'POST',
    route: `${ACCOUNT}/conversations/:id/messages`,
    note: 'multipart with attachments[]',
    input: async ({ app, world }) => {
      const { payload, headers } = await encodeForm(
        messageForm({ content: 'with a file' }, [{ fileName: 'a.pdf', data: pdfFile() }]),
      );
      return {
        params: { id: await fixtureConversation(app, world, 'api') },
        body: payload,
        headers,
      };
    },
    expect: apiInboxMembers(),
  },
];
