import { ACCOUNT } from '../../test/access';
import { SQL_LOOKING, standardBadInputs, type BadInputCase } from '../../test/bad-input';
import { insertContact, insertInbox, unique } from '../../test/factories';

const CONTACTS = `${ACCOUNT}/contacts`;
const CONTACT = `${CONTACTS}/:id`;

const someContact = async ({ app, world }: Parameters<NonNullable<BadInputCase['input']>>[0]) => ({
  id: await insertContact(app.db, world.accountId, { name: 'Someone' }),
});

const FULL_BODY = {
  name: 'Bad Input',
  email: 'bad-input@customer.test',
  phone_number: '+966500000009',
  identifier: 'bad-input',
  additional_attributes: { company_name: 'Acme' },
  custom_attributes: { plan: 'gold' },
};

const badContactFields: [body: Record<string, unknown>, field: string][] = [
  [{ email: 'not-an-email' }, 'email'],
  [{ email: 'two@@at.test' }, 'email'],
  [{ phone_number: '0500000000' }, 'phone_number'],
  [{ phone_number: '+0123' }, 'phone_number'],
  [{ phone_number: `+${'1'.repeat(16)}` }, 'phone_number'],
  [{ name: 'n'.repeat(256) }, 'name'],
  [{ name: 'nul\u0000' }, 'name'],
  [{ additional_attributes: { description: 42 } }, 'additional_attributes.description'],
  [{ additional_attributes: { social_profiles: 'me' } }, 'additional_attributes.social_profiles'],
  [{ custom_attributes: { big: 'x'.repeat(70_000) } }, 'custom_attributes'],
  [{ email: 'sara@customer.test' }, 'email'],
];

export const contactBadInputCases: BadInputCase[] = [
  ...standardBadInputs({
    method: 'POST',
    route: CONTACTS,
    body: ({ world }) => ({ ...FULL_BODY, inbox_id: world.apiInboxId, source_id: 'src-1' }),
    bodyKeys: [...Object.keys(FULL_BODY), 'inbox_id', 'source_id'],
  }),
  ...standardBadInputs({ method: 'GET', route: CONTACT, params: someContact }),
  ...(['PUT', 'PATCH'] as const).flatMap((method) =>
    standardBadInputs({ method, route: CONTACT, params: someContact, body: FULL_BODY }),
  ),
  ...standardBadInputs({ method: 'DELETE', route: CONTACT, params: someContact }),
  ...standardBadInputs({
    method: 'POST',
    route: `${CONTACT}/destroy_custom_attributes`,
    params: someContact,
    body: { custom_attributes: ['plan'] },
    required: ['custom_attributes'],
  }),
  ...standardBadInputs({ method: 'GET', route: `${CONTACT}/contact_inboxes`, params: someContact }),
  ...standardBadInputs({ method: 'GET', route: `${CONTACT}/conversations`, params: someContact }),
  ...badContactFields.flatMap(([body, field]): BadInputCase[] => [
    {
      method: 'POST',
      route: CONTACTS,
      note: `bad ${field}: ${JSON.stringify(body).slice(0, 50)}`,
      input: () => ({ body }),
      expect: 422,
      field,
    },
    {
      method: 'PATCH',
      route: CONTACT,
      note: `bad ${field}: ${JSON.stringify(body).slice(0, 50)}`,
      input: async (ctx) => ({ params: await someContact(ctx), body }),
      expect: 422,
      field,
    },
  ]),
  {
    method: 'POST',
    route: CONTACTS,
    note: "valid contact with another account's inbox: no half-written contact",
    input: async ({ app, world }) => {
      const theirsId = await insertInbox(app.db, world.otherAccountId);
      return { body: { name: 'Half', email: `${unique('half')}@x.test`, inbox_id: theirsId } };
    },
    expect: 422,
    field: 'inbox_id',
  },
  {
    method: 'POST',
    route: CONTACTS,
    note: 'valid contact with a source_id already used in the inbox: nothing written',
    input: async ({ app, world }) => {
      const contactId = await insertContact(app.db, world.accountId, { name: 'Has source' });
      const sourceId = unique('source');
      await app.db
        .insertInto('contact_inboxes')
        .values({
          contact_id: contactId,
          inbox_id: world.apiInboxId,
          source_id: sourceId,
          hmac_verified: 0,
          created_at: Date.now(),
        })
        .execute();
      return { body: { name: 'Dup source', inbox_id: world.apiInboxId, source_id: sourceId } };
    },
    expect: 422,
    field: 'source_id',
  },
  {
    method: 'GET',
    route: CONTACTS,
    note: 'sort by an unknown column',
    input: () => ({ query: `sort=${encodeURIComponent('name; DROP TABLE contacts')}` }),
    expect: 422,
    field: 'sort',
  },
  {
    method: 'GET',
    route: CONTACTS,
    note: 'page not a number',
    input: () => ({ query: 'page=abc' }),
    expect: 422,
    field: 'page',
  },
  {
    method: 'GET',
    route: `${CONTACTS}/search`,
    note: 'page zero',
    input: () => ({ query: 'q=a&page=0' }),
    expect: 422,
    field: 'page',
  },
  {
    method: 'GET',
    route: `${CONTACTS}/search`,
    note: 'query longer than 255',
    input: () => ({ query: `q=${'q'.repeat(256)}` }),
    expect: 422,
    field: 'q',
  },
  {
    method: 'GET',
    route: `${CONTACTS}/search`,
    note: 'SQL-looking search finds nothing and changes nothing',
    input: () => ({ query: `q=${encodeURIComponent(SQL_LOOKING)}` }),
    expect: 200,
    verify: (res) => {
      if (res.json().payload.length !== 0) throw new Error('SQL-looking search matched');
    },
  },
  {
    method: 'POST',
    route: CONTACTS,
    note: 'SQL-looking text in every field is stored verbatim',
    input: () => ({
      body: {
        name: SQL_LOOKING,
        identifier: `${SQL_LOOKING} ${unique('id')}`,
        additional_attributes: { description: SQL_LOOKING, [SQL_LOOKING]: SQL_LOOKING },
        custom_attributes: { [SQL_LOOKING]: "1' OR '1'='1" },
      },
    }),
    expect: 200,
    changes: ['contacts'],
    verify: async (res, { app, world }) => {
      const { contact } = res.json().payload;
      const stored = await app.inject({
        method: 'GET',
        url: `/api/v1/accounts/${world.accountId}/contacts/${contact.id}`,
        headers: { api_access_token: world.admin.access_token },
      });
      const payload = stored.json().payload;
      const ok =
        payload.name === SQL_LOOKING &&
        payload.additional_attributes.description === SQL_LOOKING &&
        payload.additional_attributes[SQL_LOOKING] === SQL_LOOKING &&
        payload.custom_attributes[SQL_LOOKING] === "1' OR '1'='1";
      if (!ok) throw new Error(`not stored verbatim: ${JSON.stringify(payload)}`);
    },
  },
];
