import { ACCOUNT, adminsOnly, anyMember, nobody, type AccessCase } from '../../test/access';
import { unique } from '../../test/factories';
import { insertDefinition } from './testing';

const LIST = `${ACCOUNT}/custom_attribute_definitions`;
const ONE = `${LIST}/:id`;

const fresh: AccessCase['input'] = async ({ app, world }) => ({
  params: { id: await insertDefinition(app.db, world.accountId) },
});
const withBody =
  (body: unknown): AccessCase['input'] =>
  async (ctx, actor) => ({ ...(await fresh!(ctx, actor)), body });

export const customAttributeAccessCases: AccessCase[] = [
  { method: 'GET', route: LIST, expect: anyMember() },
  {
    method: 'GET',
    route: LIST,
    note: 'of one model',
    input: () => ({ query: 'attribute_model=contact_attribute' }),
    expect: anyMember(),
  },
  {
    method: 'POST',
    route: LIST,
    input: () => ({
      body: {
        attribute_display_name: 'Plan',
        attribute_key: unique('plan').replace(/[^A-Za-z0-9_.-]/g, '_'),
        attribute_display_type: 'list',
        attribute_values: ['gold', 'silver'],
        attribute_model: 'contact_attribute',
      },
    }),
    expect: adminsOnly(),
  },
  { method: 'GET', route: ONE, input: fresh, expect: anyMember() },
  {
    method: 'GET',
    route: ONE,
    note: "another account's definition",
    input: async ({ app, world }) => ({
      params: { id: await insertDefinition(app.db, world.otherAccountId) },
    }),
    expect: nobody(),
  },
  {
    method: 'PATCH',
    route: ONE,
    input: withBody({ attribute_display_name: 'Renamed' }),
    expect: adminsOnly(),
  },
  {
    method: 'PUT',
    route: ONE,
    input: withBody({ attribute_description: 'Why we keep it' }),
    expect: adminsOnly(),
  },
  { method: 'DELETE', route: ONE, input: fresh, expect: adminsOnly(204) },
];
