import {
  NoContent,
  WebhookDeliveryDetailResponseSchema,
  WebhookDeliveryPageSchema,
  WebhookDeliveryResponseSchema,
  WebhookListResponseSchema,
  WebhookResponseSchema,
  ok,
} from '@bevatel/protocol/schemas';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { runCommand } from '../../core/commands';
import { invalid, notFound } from '../../lib/errors';
import { adminOnly } from '../../lib/route-guards';
import { AccountParams } from '../../lib/schemas';
import { requireAdmin } from '../../plugins/auth';
import {
  createWebhook,
  deleteWebhook,
  redeliver,
  rotateWebhookSecret,
  updateWebhook,
} from './commands';
import { presentDelivery, presentDeliveryDetail, presentWebhook } from './presenter';
import {
  attemptsOf,
  DELIVERIES_PER_PAGE,
  deliveriesPage,
  findDelivery,
  findWebhook,
  listWebhooks,
} from './queries';
import {
  CreateWebhookBody,
  DeliveriesQuery,
  DeliveryParams,
  UpdateWebhookBody,
  WebhookParams,
} from './schemas';
import { checkWebhookUrl } from './url';

/** Chatwoot's clients send `{webhook: {url, subscriptions}}`; others send the fields bare. */
async function unwrapWebhook(request: FastifyRequest): Promise<void> {
  const body = request.body as Record<string, unknown> | null | undefined;
  if (!body || typeof body !== 'object' || Array.isArray(body)) return;
  if (Object.keys(body).length !== 1 || !('webhook' in body)) return;
  const inner = body.webhook;
  if (!inner || typeof inner !== 'object' || Array.isArray(inner)) {
    throw invalid('webhook', 'webhook must be an object {url, subscriptions, name}');
  }
  request.body = inner;
}

/**
 * `webhooks` (Chatwoot's resource, administrators only): where the account's events are POSTed,
 * signed with a per-webhook secret shown when created or rotated; and each webhook's delivery
 * log with Redeliver.
 */
export async function webhookRoutes(scope: FastifyInstance): Promise<void> {
  const app = scope.withTypeProvider<TypeBoxTypeProvider>();

  const loadWebhook = async (accountId: number, id: number) => {
    const row = await findWebhook(app.db, accountId, id);
    if (!row) throw notFound('Webhook');
    return row;
  };

  app.get(
    '/webhooks',
    {
      onRequest: adminOnly,
      schema: { params: AccountParams, response: ok(WebhookListResponseSchema) },
    },
    async (request) => {
      const { account } = requireAdmin(request);
      const rows = await listWebhooks(app.db, account.id);
      return { payload: { webhooks: rows.map((row) => presentWebhook(row)) } };
    },
  );

  app.post(
    '/webhooks',
    {
      onRequest: adminOnly,
      preValidation: unwrapWebhook,
      schema: {
        params: AccountParams,
        body: CreateWebhookBody,
        response: ok(WebhookResponseSchema),
      },
    },
    async (request) => {
      const caller = requireAdmin(request);
      const url = await checkWebhookUrl(request.body.url, app.config.outboundPrivateHosts);
      const { result } = await runCommand(app, (tx) =>
        createWebhook(tx, caller, { ...request.body, url }, app.config.secretKeyBase),
      );
      return { payload: { webhook: presentWebhook(result.row, result.secret) } };
    },
  );

  app.get(
    '/webhooks/:id',
    {
      onRequest: adminOnly,
      schema: { params: WebhookParams, response: ok(WebhookResponseSchema) },
    },
    async (request) => {
      const { account } = requireAdmin(request);
      return {
        payload: { webhook: presentWebhook(await loadWebhook(account.id, request.params.id)) },
      };
    },
  );

  for (const method of ['patch', 'put'] as const) {
    app[method](
      '/webhooks/:id',
      {
        onRequest: adminOnly,
        preValidation: unwrapWebhook,
        schema: {
          params: WebhookParams,
          body: UpdateWebhookBody,
          response: ok(WebhookResponseSchema),
        },
      },
      async (request) => {
        const caller = requireAdmin(request);
        const { url, ...rest } = request.body;
        const checked =
          url === undefined
            ? {}
            : { url: await checkWebhookUrl(url, app.config.outboundPrivateHosts) };
        const { result } = await runCommand(app, (tx) =>
          updateWebhook(tx, caller, request.params.id, { ...rest, ...checked }),
        );
        return { payload: { webhook: presentWebhook(result) } };
      },
    );
  }

  app.delete(
    '/webhooks/:id',
    { onRequest: adminOnly, schema: { params: WebhookParams, response: NoContent } },
    async (request, reply) => {
      const caller = requireAdmin(request);
      await runCommand(app, (tx) => deleteWebhook(tx, caller, request.params.id));
      return reply.status(204).send(null);
    },
  );

  app.post(
    '/webhooks/:id/rotate_secret',
    {
      onRequest: adminOnly,
      schema: { params: WebhookParams, response: ok(WebhookResponseSchema) },
    },
    async (request) => {
      const caller = requireAdmin(request);
      const { result } = await runCommand(app, (tx) =>
        rotateWebhookSecret(tx, caller, request.params.id, app.config.secretKeyBase),
      );
      return { payload: { webhook: presentWebhook(result.row, result.secret) } };
    },
  );

  app.get(
    '/webhooks/:id/deliveries',
    {
      onRequest: adminOnly,
      schema: {
        params: WebhookParams,
        querystring: DeliveriesQuery,
        response: ok(WebhookDeliveryPageSchema),
      },
    },
    async (request) => {
      const { account } = requireAdmin(request);
      const hook = await loadWebhook(account.id, request.params.id);
      const { page } = request.query;
      const rows = await deliveriesPage(app.db, hook.id, page);
      return {
        payload: rows.slice(0, DELIVERIES_PER_PAGE).map(presentDelivery),
        meta: { page, per_page: DELIVERIES_PER_PAGE, has_more: rows.length > DELIVERIES_PER_PAGE },
      };
    },
  );

  app.get(
    '/webhooks/:id/deliveries/:delivery_id',
    {
      onRequest: adminOnly,
      schema: { params: DeliveryParams, response: ok(WebhookDeliveryDetailResponseSchema) },
    },
    async (request) => {
      const { account } = requireAdmin(request);
      const hook = await loadWebhook(account.id, request.params.id);
      const row = await findDelivery(app.db, hook.id, request.params.delivery_id);
      if (!row) throw notFound('Delivery');
      return { payload: presentDeliveryDetail(row, await attemptsOf(app.db, row.id)) };
    },
  );

  app.post(
    '/webhooks/:id/deliveries/:delivery_id/redeliver',
    {
      onRequest: adminOnly,
      schema: { params: DeliveryParams, response: ok(WebhookDeliveryResponseSchema) },
    },
    async (request) => {
      const { account } = requireAdmin(request);
      const hook = await loadWebhook(account.id, request.params.id);
      const { result } = await runCommand(app, (tx) =>
        redeliver(tx, hook, request.params.delivery_id),
      );
      app.webhookDispatcher.wake();
      return { payload: presentDelivery(result) };
    },
  );
}
