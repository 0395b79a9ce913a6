import type { AccessCase, Actor } from './access';

/** Public by design: the guide is for app developers, who need no account here. */
const anyone = (status: number): Record<Actor, number> => ({
  anonymous: status,
  agent: status,
  outsider: status,
  admin: status,
  stranger: status,
});

export const developerAccessCases: AccessCase[] = [
  // The API's description and its reference page: schemas and examples, no secret.
  { method: 'GET', route: '/api/openapi.json', expect: anyone(200) },
  { method: 'GET', route: '/docs/api', expect: anyone(200) },
  { method: 'GET', route: '/docs/api/reference.js', expect: anyone(200) },
  { method: 'GET', route: '/docs/dashboard-apps', expect: anyone(200) },
  {
    method: 'GET',
    route: '/docs/dashboard-apps/*',
    note: 'the literal "*" is no page; the pages are in plugins/developer.test.ts',
    expect: anyone(404),
  },
];
