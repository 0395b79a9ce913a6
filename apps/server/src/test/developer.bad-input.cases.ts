import type { BadInputCase } from './bad-input';

// More unknown pages, traversal attempts and SDK file names: plugins/developer.test.ts.
export const developerBadInputCases: BadInputCase[] = [
  { method: 'GET', route: '/docs/dashboard-apps/*', note: 'no such page', expect: 404 },
];
