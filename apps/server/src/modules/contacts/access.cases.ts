import { ACCOUNT, adminsOnly, anyMember, nobody, type AccessCase } from '../../test/access';
import { insertContact } from '../../test/factories';

const CONTACT = `${ACCOUNT}/contacts/:id`;

const freshContact: AccessCase['input'] = async ({ app, world }) => ({
  params: { id: await insertContact(app.db, world.accountId, { name: 'Matrix' }) },
});
const theirContact: AccessCase['input'] = ({ world }) => ({
  params: { id: world.otherAccountContactId },
});

export const contactAccessCases: AccessCase[] = [
  { method: 'GET', route: `${ACCOUNT}/contacts`, expect: anyMember() },
  {
    method: 'GET',
    route: `${ACCOUNT}/contacts/search`,
    input: () => ({ query: 'q=sara&page=1' }),
    expect: anyMember(),
  },
  {
    method: 'POST',
    route: `${ACCOUNT}/contacts`,
    input: () => ({ body: { name: 'Matrix' } }),
    expect: anyMember(),
  },
  {
    method: 'POST',
    route: `${ACCOUNT}/contacts`,
    note: 'in an inbox no agent is in',
    input: ({ world }) => ({ body: { name: 'Matrix', inbox_id: world.widgetInboxId } }),
    expect: { anonymous: 401, agent: 422, outsider: 422, admin: 200, stranger: 404 },
  },
  {
    method: 'GET',
    route: CONTACT,
    input: ({ world }) => ({ params: { id: world.contactId } }),
    expect: anyMember(),
  },
  {
    method: 'GET',
    route: CONTACT,
    note: "another account's",
    input: theirContact,
    expect: nobody(),
  },
  ...(['PUT', 'PATCH'] as const).flatMap((method): AccessCase[] => [
    {
      method,
      route: CONTACT,
      input: async (ctx, actor) => ({ ...(await freshContact(ctx, actor)), body: { name: 'M' } }),
      expect: anyMember(),
    },
    {
      method,
      route: CONTACT,
      note: "another account's",
      input: (ctx, actor) => ({ ...theirContact(ctx, actor), body: { name: 'Mine' } }),
      expect: nobody(),
    },
  ]),
  { method: 'DELETE', route: CONTACT, input: freshContact, expect: adminsOnly(204) },
  {
    method: 'DELETE',
    route: CONTACT,
    note: "another account's",
    input: theirContact,
    expect: adminsOnly(404),
  },
  {
    method: 'POST',
    route: `${CONTACT}/destroy_custom_attributes`,
    input: async (ctx, actor) => ({
      ...(await freshContact(ctx, actor)),
      body: { custom_attributes: ['plan'] },
    }),
    expect: anyMember(),
  },
  { method: 'GET', route: `${CONTACT}/contact_inboxes`, input: freshContact, expect: anyMember() },
  {
    method: 'GET',
    route: `${CONTACT}/contact_inboxes`,
    note: "another account's",
    input: theirContact,
    expect: nobody(),
  },
  { method: 'GET', route: `${CONTACT}/conversations`, input: freshContact, expect: anyMember() },
  {
    method: 'GET',
    route: `${CONTACT}/conversations`,
    note: "another account's",
    input: theirContact,
    expect: nobody(),
  },
];
