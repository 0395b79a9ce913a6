import type { AccessCase, Actor } from './access';
import { unique } from './factories';
import { encodeForm, messageForm, pngImage } from './uploads';

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
    method: 'POST',
    route: '/api/v1/profile/avatar',
    note: 'each person their own',
    input: async () => {
      const form = messageForm({}, [
        { name: 'avatar', fileName: 'me.png', data: await pngImage(64, 64) },
      ]);
      const { payload, headers } = await encodeForm(form);
      return { body: payload, headers };
    },
    expect: signedIn(),
  },
  { method: 'DELETE', route: '/api/v1/profile/avatar', expect: signedIn() },
  {
    method: 'GET',
    route: '/avatars/:user_id/:name',
    note: 'public like Chatwoot avatars; a name that is not the current avatar is unknown',
    input: () => ({
      params: { user_id: 1, name: '00000000-0000-4000-8000-000000000000.webp' },
    }),
    expect: { anonymous: 404, agent: 404, outsider: 404, admin: 404, stranger: 404 },
  },
  {
    method: 'POST',
    route: '/api/v1/profile/availability',
    input: () => ({ body: { profile: { availability: 'busy' } } }),
    expect: signedIn(),
  },
  {
    method: 'POST',
    route: '/api/v1/profile/reset_access_token',
    expect: signedIn(),
    // The actor's old token is dead now: the rest of the matrix signs in with the new one.
    after: ({ world }, actor, res) => {
      if (actor === 'anonymous') return;
      world[actor].access_token = (res.json() as { access_token: string }).access_token;
    },
  },
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
