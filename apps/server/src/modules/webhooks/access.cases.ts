import { ACCOUNT, adminsOnly, type AccessCase } from '../../test/access';
import { freshWebhook } from './testing';

const HOOK = `${ACCOUNT}/webhooks/:id`;
const DELIVERY = `${HOOK}/deliveries/:delivery_id`;

const ours: AccessCase['input'] = async ({ app, world }) => {
  const { webhookId, deliveryId } = await freshWebhook(app, world.accountId);
  return { params: { id: webhookId, delivery_id: deliveryId } };
};
/** Another account's webhook: agents are refused as agents first, admins find nothing. */
const nobody = () => ({ anonymous: 401, agent: 403, outsider: 403, admin: 404, stranger: 404 });

const theirs: AccessCase['input'] = async ({ app, world }) => {
  const { webhookId, deliveryId } = await freshWebhook(app, world.otherAccountId);
  return { params: { id: webhookId, delivery_id: deliveryId } };
};

export const webhookAccessCases: AccessCase[] = [
  { method: 'GET', route: `${ACCOUNT}/webhooks`, expect: adminsOnly() },
  {
    method: 'POST',
    route: `${ACCOUNT}/webhooks`,
    input: () => ({
      body: { url: 'https://hooks.example.com/in', subscriptions: ['message_created'] },
    }),
    expect: adminsOnly(),
  },
  { method: 'GET', route: HOOK, input: ours, expect: adminsOnly() },
  {
    method: 'GET',
    route: HOOK,
    note: "another account's webhook",
    input: theirs,
    expect: nobody(),
  },
  ...(['PATCH', 'PUT'] as const).flatMap((method): AccessCase[] => [
    {
      method,
      route: HOOK,
      input: async (ctx, actor) => ({ ...(await ours(ctx, actor)), body: { name: 'CRM' } }),
      expect: adminsOnly(),
    },
    {
      method,
      route: HOOK,
      note: "another account's webhook",
      input: async (ctx, actor) => ({ ...(await theirs(ctx, actor)), body: { name: 'CRM' } }),
      expect: nobody(),
    },
  ]),
  { method: 'DELETE', route: HOOK, input: ours, expect: adminsOnly(204) },
  {
    method: 'DELETE',
    route: HOOK,
    note: "another account's webhook",
    input: theirs,
    expect: nobody(),
  },
  { method: 'POST', route: `${HOOK}/rotate_secret`, input: ours, expect: adminsOnly() },
  {
    method: 'POST',
    route: `${HOOK}/rotate_secret`,
    note: "another account's webhook",
    input: theirs,
    expect: nobody(),
  },
  { method: 'GET', route: `${HOOK}/deliveries`, input: ours, expect: adminsOnly() },
  {
    method: 'GET',
    route: `${HOOK}/deliveries`,
    note: "another account's webhook",
    input: theirs,
    expect: nobody(),
  },
  { method: 'GET', route: DELIVERY, input: ours, expect: adminsOnly() },
  {
    method: 'GET',
    route: DELIVERY,
    note: "another account's delivery",
    input: theirs,
    expect: nobody(),
  },
  { method: 'POST', route: `${DELIVERY}/redeliver`, input: ours, expect: adminsOnly() },
  {
    method: 'POST',
    route: `${DELIVERY}/redeliver`,
    note: "another account's delivery",
    input: theirs,
    expect: nobody(),
  },
];
