import { ACCOUNT, anyMember, nobody, type AccessCase } from '../../test/access';

export const integrationAccessCases: AccessCase[] = [
  { method: 'GET', route: `${ACCOUNT}/integrations/apps`, expect: anyMember() },
  {
    method: 'GET',
    route: `${ACCOUNT}/integrations/apps/:id`,
    input: () => ({ params: { id: 'dashboard_apps' } }),
    expect: anyMember(),
  },
  {
    method: 'GET',
    route: `${ACCOUNT}/integrations/apps/:id`,
    note: 'an integration this product does not have',
    input: () => ({ params: { id: 'slack' } }),
    expect: nobody(),
  },
];
