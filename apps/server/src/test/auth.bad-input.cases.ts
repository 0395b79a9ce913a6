import { standardBadInputs, type BadInputCase } from './bad-input';
import { FIXTURE_PASSWORD } from './fixtures';

const NEW = 'a brand new passphrase';

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
  ...standardBadInputs({
    method: 'POST',
    route: '/api/v1/profile/availability',
    body: { profile: { availability: 'busy' } },
    required: ['profile'],
  }),
  ...(
    [
      [
        'wrong current password',
        { current_password: 'nope', password: NEW, password_confirmation: NEW },
        'current_password',
      ],
      ['no current password', { password: NEW, password_confirmation: NEW }, 'current_password'],
      [
        'confirmation differs',
        { current_password: FIXTURE_PASSWORD, password: NEW, password_confirmation: `${NEW}!` },
        'password_confirmation',
      ],
      [
        'common new password',
        {
          current_password: FIXTURE_PASSWORD,
          password: 'password1234',
          password_confirmation: 'password1234',
        },
        'password',
      ],
      [
        'short new password',
        { current_password: FIXTURE_PASSWORD, password: 'Xy1!', password_confirmation: 'Xy1!' },
        'password',
      ],
      ['confirmation without a password', { password_confirmation: NEW }, 'password'],
      ['name with a bidi override', { name: 'Amira\u202E' }, 'name'],
      [
        'availability for an account that is not yours',
        { availability: 'busy', account_id: 2_147_483_000 },
        'account_id',
      ],
    ] as const
  ).map(([note, profile, field]): BadInputCase => ({
    method: 'PUT',
    route: '/api/v1/profile',
    note,
    input: () => ({ body: { profile } }),
    expect: 422,
    field,
  })),
  {
    method: 'PUT',
    route: '/api/v1/profile',
    note: 'unknown availability',
    input: () => ({ body: { profile: { availability: 'asleep' } } }),
    expect: 422,
    field: 'profile.availability',
  },
];
