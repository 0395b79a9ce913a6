import { ACCOUNT, anyMember, type AccessCase } from '../../test/access';

/** Every member may search; what each one finds is tested in search.test.ts. */
export const searchAccessCases: AccessCase[] = [
  {
    method: 'GET',
    route: `${ACCOUNT}/search`,
    input: () => ({ query: 'q=refund' }),
    expect: anyMember(),
  },
];
