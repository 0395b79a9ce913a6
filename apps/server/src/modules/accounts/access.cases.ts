import { ACCOUNT, adminsOnly, anyMember, type AccessCase } from '../../test/access';

export const accountAccessCases: AccessCase[] = [
  { method: 'GET', route: ACCOUNT, expect: anyMember() },
  {
    method: 'PATCH',
    route: ACCOUNT,
    input: () => ({ body: { locale: 'en' } }),
    expect: adminsOnly(),
  },
  {
    method: 'GET',
    route: ACCOUNT,
    note: 'the other account',
    input: ({ world }) => ({ params: { account_id: world.otherAccountId } }),
    expect: { anonymous: 401, agent: 404, outsider: 404, admin: 404, stranger: 200 },
  },
  {
    method: 'PATCH',
    route: ACCOUNT,
    note: 'the other account',
    input: ({ world }) => ({ params: { account_id: world.otherAccountId }, body: {} }),
    expect: { anonymous: 401, agent: 404, outsider: 404, admin: 404, stranger: 200 },
  },
];
