import type { BadInputCase } from '../../test/bad-input';
import { ACCOUNT } from '../../test/routes';

const ONE = `${ACCOUNT}/integrations/apps/:id`;

export const integrationBadInputCases: BadInputCase[] = [
  {
    method: 'GET',
    route: ONE,
    note: 'an integration this product does not have',
    input: () => ({ params: { id: 'slack' } }),
    expect: 404,
  },
  {
    method: 'GET',
    route: ONE,
    note: 'id longer than 64 characters',
    input: () => ({ params: { id: 'x'.repeat(65) } }),
    expect: 422,
    field: 'id',
  },
];
