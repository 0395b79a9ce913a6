import { standardBadInputs, type BadInputCase } from './bad-input';
import { FIXTURE_PASSWORD } from './fixtures';

export const authBadInputCases: BadInputCase[] = [
  // Sign-in ignores unknown keys (strictBody: false); none of these reaches the password check.
  ...standardBadInputs({
    method: 'POST',
    route: '/auth/sign_in',
    body: { email: 'admin@acme.test', password: FIXTURE_PASSWORD },
    required: ['email', 'password'],
    strictBody: false,
  }),
  ...standardBadInputs({
    method: 'PUT',
    route: '/api/v1/profile',
    body: { profile: { name: 'Amira' } },
    required: ['profile'],
    strictBody: false,
  }),
  {
    method: 'PUT',
    route: '/api/v1/profile',
    note: 'unknown profile key',
    input: () => ({ body: { profile: { role: 'administrator' } } }),
    expect: 422,
    field: 'profile.role',
  },
  {
    method: 'PUT',
    route: '/api/v1/profile',
    note: 'unknown availability',
    input: () => ({ body: { profile: { availability: 'asleep' } } }),
    expect: 422,
    field: 'profile.availability',
  },
];
