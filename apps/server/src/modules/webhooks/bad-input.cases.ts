import { ACCOUNT } from '../../test/access';
import { SQL_LOOKING, standardBadInputs, type BadInputCase } from '../../test/bad-input';
import { freshWebhook } from './testing';

const HOOKS = `${ACCOUNT}/webhooks`;
const HOOK = `${HOOKS}/:id`;
const DELIVERY = `${HOOK}/deliveries/:delivery_id`;

const VALID = { url: 'https://hooks.example.com/in', subscriptions: ['message_created'] };

const hookParams = async ({ app, world }: Parameters<NonNullable<BadInputCase['input']>>[0]) => {
  const { webhookId, deliveryId } = await freshWebhook(app, world.accountId);
  return { id: webhookId, delivery_id: deliveryId };
};

const badCreate = (note: string, body: unknown, field: string | undefined): BadInputCase => ({
  method: 'POST',
  route: HOOKS,
  note,
  input: () => ({ body }),
  expect: 422,
  field,
});

export const webhookBadInputCases: BadInputCase[] = [
  ...standardBadInputs({
    method: 'POST',
    route: HOOKS,
    body: { ...VALID, name: 'CRM' },
    required: ['url'],
  }),
  ...standardBadInputs({ method: 'GET', route: HOOK, params: hookParams }),
  ...(['PATCH', 'PUT'] as const).flatMap((method) =>
    standardBadInputs({ method, route: HOOK, params: hookParams, body: { ...VALID, name: 'X' } }),
  ),
  ...standardBadInputs({ method: 'DELETE', route: HOOK, params: hookParams }),
  ...standardBadInputs({ method: 'POST', route: `${HOOK}/rotate_secret`, params: hookParams }),
  ...standardBadInputs({ method: 'GET', route: `${HOOK}/deliveries`, params: hookParams }),
  ...standardBadInputs({ method: 'GET', route: DELIVERY, params: hookParams }),
  ...standardBadInputs({ method: 'POST', route: `${DELIVERY}/redeliver`, params: hookParams }),
  ...(
    [
      ['plain http', { ...VALID, url: 'http://hooks.example.com/in' }, 'url'],
      ['not a URL', { ...VALID, url: 'hooks.example.com/in' }, 'url'],
      ['ftp URL', { ...VALID, url: 'ftp://hooks.example.com/in' }, 'url'],
      ['URL with a password', { ...VALID, url: 'https://u:p@hooks.example.com/in' }, 'url'],
      ['URL with a space', { ...VALID, url: 'https://hooks.example.com/a b' }, 'url'],
      ['loopback address', { ...VALID, url: 'https://127.0.0.1/in' }, 'url'],
      ['localhost over http', { ...VALID, url: 'http://localhost:3000/in' }, 'url'],
      ['private address', { ...VALID, url: 'https://192.168.1.20/in' }, 'url'],
      ['link-local address', { ...VALID, url: 'https://169.254.169.254/latest' }, 'url'],
      ['IPv4-mapped IPv6 loopback', { ...VALID, url: 'https://[::ffff:127.0.0.1]/in' }, 'url'],
      ['empty URL', { ...VALID, url: '' }, 'url'],
      ['URL too long', { ...VALID, url: `https://hooks.example.com/${'a'.repeat(2100)}` }, 'url'],
      ['unknown event', { ...VALID, subscriptions: ['message_deleted'] }, 'subscriptions[0]'],
      ['no event', { ...VALID, subscriptions: [] }, 'subscriptions'],
      [
        'event twice',
        { ...VALID, subscriptions: ['message_created', 'message_created'] },
        'subscriptions',
      ],
      ['name with NUL', { ...VALID, name: 'a\u0000b' }, 'name'],
      ['name too long', { ...VALID, name: 'n'.repeat(256) }, 'name'],
      ['a secret of our choosing', { ...VALID, secret: 'mine' }, 'secret'],
      ['wrapped, bad URL', { webhook: { ...VALID, url: 'http://hooks.example.com' } }, 'url'],
      ['wrapped, unknown key', { webhook: { ...VALID, inbox: 1 } }, 'inbox'],
      ['wrapper not an object', { webhook: 'https://hooks.example.com' }, 'webhook'],
    ] as const
  ).map(([note, body, field]) => badCreate(note, body, field)),
  {
    method: 'PATCH',
    route: HOOK,
    note: 'moved to a private address',
    input: async (ctx) => ({ params: await hookParams(ctx), body: { url: 'https://10.0.0.8/in' } }),
    expect: 422,
    field: 'url',
  },
  {
    method: 'POST',
    route: `${DELIVERY}/redeliver`,
    note: "another webhook's delivery",
    input: async (ctx) => {
      const mine = await hookParams(ctx);
      const other = await hookParams(ctx);
      return { params: { id: mine.id, delivery_id: other.delivery_id } };
    },
    expect: 404,
  },
  {
    method: 'GET',
    route: `${HOOK}/deliveries`,
    note: 'page zero',
    input: async (ctx) => ({ params: await hookParams(ctx), query: 'page=0' }),
    expect: 422,
    field: 'page',
  },
  {
    method: 'POST',
    route: HOOKS,
    note: 'SQL-looking name is stored verbatim',
    input: () => ({ body: { ...VALID, name: SQL_LOOKING } }),
    expect: 200,
    changes: ['webhooks'],
    verify: (res) => {
      const webhook = res.json().payload.webhook;
      if (webhook.name !== SQL_LOOKING) throw new Error('name not verbatim');
      if (typeof webhook.secret !== 'string') throw new Error('no secret in the answer');
    },
  },
];
