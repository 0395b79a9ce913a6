import { ACCOUNT } from '../../test/access';
import { ONE_MIB, standardBadInputs, type BadInputCase } from '../../test/bad-input';
import { WORLD_WIDGET } from '../../test/fixtures';
import type { HttpMethod } from '../../test/routes';
import { fixtureConversation } from '../../test/conversations';
import {
  PUBLIC,
  PUBLIC_CONTACT,
  PUBLIC_CONVERSATION,
  PUBLIC_INBOX,
  visitorWithConversation,
} from './testing';

interface Params {
  inbox_identifier: string;
  contact_identifier: string;
  conversation_id: number;
}

interface PublicRoute {
  method: HttpMethod;
  route: string;
  body?: Record<string, unknown>;
}

const ROUTES: PublicRoute[] = [
  { method: 'GET', route: PUBLIC_INBOX },
  { method: 'POST', route: `${PUBLIC_INBOX}/contacts`, body: { name: 'Nadia' } },
  { method: 'GET', route: PUBLIC_CONTACT },
  { method: 'PATCH', route: PUBLIC_CONTACT, body: { name: 'Nadia' } },
  { method: 'GET', route: `${PUBLIC_CONTACT}/conversations` },
  {
    method: 'POST',
    route: `${PUBLIC_CONTACT}/conversations`,
    body: { referer_url: 'https://shop.test/' },
  },
  { method: 'GET', route: PUBLIC_CONVERSATION },
  { method: 'GET', route: `${PUBLIC_CONVERSATION}/messages` },
  { method: 'POST', route: `${PUBLIC_CONVERSATION}/messages`, body: { content: 'Hi' } },
  { method: 'POST', route: `${PUBLIC_CONVERSATION}/toggle_typing`, body: { typing_status: 'on' } },
  { method: 'POST', route: `${PUBLIC_CONVERSATION}/update_last_seen` },
];

const wrongType = (value: unknown) => (typeof value === 'string' ? 12345 : 'text');

/** The usual variants, for routes whose keys are strings (not the numeric ids of account routes). */
function variants({ method, route, body }: PublicRoute): BadInputCase[] {
  const cases: BadInputCase[] = [];
  const add = (
    note: string,
    expect: number,
    change: (
      params: Params,
    ) => Partial<Params> & { rawBody?: string; body?: unknown; headers?: Record<string, string> },
    field?: string,
  ) =>
    cases.push({
      method,
      route,
      note,
      expect,
      field,
      input: async ({ app, world }) => {
        const params = await visitorWithConversation(app, world);
        const { rawBody, body: changed, headers, ...overrides } = change(params);
        return {
          params: { ...params, ...overrides },
          ...(rawBody !== undefined ? { rawBody, headers } : { body: changed ?? body }),
        };
      },
    });
  add('unknown :inbox_identifier', 404, () => ({ inbox_identifier: 'nosuchinbox' }));
  add(
    'malformed :inbox_identifier',
    422,
    () => ({ inbox_identifier: 'a b;--' }),
    'inbox_identifier',
  );
  add(
    'too long :inbox_identifier',
    422,
    () => ({ inbox_identifier: 'x'.repeat(65) }),
    'inbox_identifier',
  );
  if (route.includes(':contact_identifier')) {
    add('unknown :contact_identifier', 404, () => ({
      contact_identifier: '00000000-0000-4000-8000-000000000000',
    }));
    add(
      'malformed :contact_identifier',
      422,
      () => ({ contact_identifier: "' OR 1=1" }),
      'contact_identifier',
    );
  }
  if (route.includes(':conversation_id')) {
    add('unknown :conversation_id', 404, () => ({ conversation_id: 2_147_483_647 }));
    add(
      ':conversation_id not a number',
      422,
      () => ({ conversation_id: 'abc' as never }),
      'conversation_id',
    );
    add(':conversation_id zero', 422, () => ({ conversation_id: 0 }), 'conversation_id');
  }
  if (!body) return cases;
  add('body is not JSON', 400, () => ({ rawBody: '{"name": ' }));
  add('body larger than 1 MiB', 413, () => ({
    rawBody: JSON.stringify({ pad: 'x'.repeat(ONE_MIB + 16) }),
  }));
  add('body is an array', 422, () => ({ body: [body] }));
  add('body is XML', 415, () => ({
    rawBody: '<x/>',
    headers: { 'content-type': 'application/xml' },
  }));
  add('unknown key', 422, () => ({ body: { ...body, zz_unknown: 1 } }), 'zz_unknown');
  for (const key of Object.keys(body)) {
    add(
      `${key} of the wrong type`,
      422,
      () => ({ body: { ...body, [key]: wrongType(body[key]) } }),
      key,
    );
  }
  return cases;
}

/** Route-specific refusals: what is wrong is the meaning, not the shape. */
const SPECIFIC: [HttpMethod, string, Record<string, unknown>, number, string][] = [
  [
    'PATCH',
    PUBLIC_CONTACT,
    { identifier: 'customer-1', identifier_hash: 'ab'.repeat(32) },
    401,
    'identifier_hash',
  ],
  ['PATCH', PUBLIC_CONTACT, { identifier_hash: 'ab'.repeat(32) }, 422, 'identifier'],
  ['PATCH', PUBLIC_CONTACT, { email: 'not-an-email' }, 422, 'email'],
  [
    'PATCH',
    PUBLIC_CONTACT,
    { custom_attributes: { big: 'x'.repeat(17 * 1024) } },
    422,
    'custom_attributes',
  ],
  [
    'POST',
    `${PUBLIC_INBOX}/contacts`,
    { identifier: 'c-1', identifier_hash: 'forged' },
    401,
    'identifier_hash',
  ],
  [
    'POST',
    `${PUBLIC_CONTACT}/conversations`,
    { referer_url: 'javascript:alert(1)' },
    422,
    'referer_url',
  ],
  ['POST', `${PUBLIC_CONTACT}/conversations`, { message: { content: '' } }, 422, 'message.content'],
  ['POST', `${PUBLIC_CONVERSATION}/messages`, { content: '' }, 422, 'content'],
  ['POST', `${PUBLIC_CONVERSATION}/messages`, {}, 422, 'content'],
  [
    'POST',
    `${PUBLIC_CONVERSATION}/toggle_typing`,
    { typing_status: 'maybe' },
    422,
    'typing_status',
  ],
];

export const webWidgetBadInputCases: BadInputCase[] = [
  ...ROUTES.flatMap(variants),
  ...SPECIFIC.map(([method, route, body, expect, field]): BadInputCase => ({
    method,
    route,
    note: `${field}: ${JSON.stringify(body).slice(0, 60)}`,
    input: async ({ app, world }) => ({ params: await visitorWithConversation(app, world), body }),
    expect,
    field,
  })),
  {
    method: 'GET',
    route: `${PUBLIC}/widget/:website_token`,
    note: 'unknown :website_token',
    input: () => ({ params: { website_token: 'nosuchwidget' } }),
    expect: 404,
  },
  {
    method: 'GET',
    route: `${PUBLIC}/widget/:website_token`,
    note: 'malformed :website_token',
    input: () => ({ params: { website_token: '<script>' } }),
    expect: 422,
    field: 'website_token',
  },
  {
    method: 'GET',
    route: `${PUBLIC}/widget/:website_token`,
    note: 'a site the widget may not load on',
    input: async ({ app }) => {
      await app.db
        .updateTable('web_widgets')
        .set({ allowed_domains: '["shop.test"]' })
        .where('website_token', '=', WORLD_WIDGET.websiteToken)
        .execute();
      return {
        params: { website_token: WORLD_WIDGET.websiteToken },
        headers: { origin: 'https://evil.test' },
      };
    },
    expect: 403,
    verify: async (_res, { app }) => {
      await app.db
        .updateTable('web_widgets')
        .set({ allowed_domains: '[]' })
        .where('website_token', '=', WORLD_WIDGET.websiteToken)
        .execute();
    },
  },
  ...standardBadInputs({
    method: 'POST',
    route: `${ACCOUNT}/conversations/:id/toggle_typing_status`,
    params: async ({ app, world }) => ({ id: await fixtureConversation(app, world, 'api') }),
    body: { typing_status: 'on', is_private: false },
    required: ['typing_status'],
  }),
];
