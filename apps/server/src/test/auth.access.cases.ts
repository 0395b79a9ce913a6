import type { AccessCase, Actor } from './access';
import { unique } from './factories';

/** Routes outside an account: anyone signed in, whatever their accounts. */
const signedIn = (ok = 200): Record<Actor, number> => ({
  anonymous: 401,
  agent: ok,
  outsider: ok,
  admin: ok,
  stranger: ok,
});

export const authAccessCases: AccessCase[] = [
  { method: 'GET', route: '/api/v1/profile', expect: signedIn() },
  {
    method: 'PUT',
    route: '/api/v1/profile',
    input: () => ({ body: { profile: { ui_settings: { theme: 'light' } } } }),
    expect: signedIn(),
  },
  { method: 'DELETE', route: '/auth/sign_out', expect: signedIn(204) },
  {
    method: 'GET',
    route: '/auth/session',
    note: 'answers null for nobody rather than 401',
    expect: { anonymous: 200, agent: 200, outsider: 200, admin: 200, stranger: 200 },
  },
  {
    method: 'POST',
    route: '/auth/sign_in',
    note: 'wrong password, whoever asks',
    input: () => ({ body: { email: `${unique('nobody')}@acme.test`, password: 'wrong' } }),
    expect: { anonymous: 401, agent: 401, outsider: 401, admin: 401, stranger: 401 },
  },
];
