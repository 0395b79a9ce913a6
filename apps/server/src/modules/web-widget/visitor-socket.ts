/**
 * A website visitor's socket: `GET /cable?pubsub_token=…` (Chatwoot's widget token). It
 * receives that visitor's events only (hub: audiences with `contactInboxId`). The Origin must
 * be a site the widget may load on, or our own (the chat frame).
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { HttpError } from '../../lib/errors';
import type { VisitorUpgrade } from '../../realtime/gateway';
import { isOriginAllowed } from '../../realtime/origin';
import { isDomainAllowed } from './domains';
import { allowedDomainsOf } from './presenter';

/** The visitor the upgrade is for; null when it names no pubsub_token (not a visitor). */
export async function authenticateVisitor(
  app: FastifyInstance,
  request: FastifyRequest,
): Promise<VisitorUpgrade | null> {
  const token = (request.query as Record<string, unknown> | undefined)?.pubsub_token;
  if (token === undefined) return null;
  if (typeof token !== 'string' || token === '' || token.length > 100) {
    throw new HttpError('bad_request', 'pubsub_token must be a token');
  }
  const row = await app.db
    .selectFrom('contact_inboxes')
    .innerJoin('web_widgets', 'web_widgets.inbox_id', 'contact_inboxes.inbox_id')
    .select(['contact_inboxes.id', 'web_widgets.account_id', 'web_widgets.allowed_domains'])
    .where('contact_inboxes.pubsub_token', '=', token)
    .executeTakeFirst();
  if (!row) throw new HttpError('unauthorized', 'Unknown pubsub_token');
  const origin = request.headers.origin;
  const ours =
    origin !== undefined &&
    isOriginAllowed(origin, app.config.publicUrl, [request.headers.host, request.host]);
  if (origin !== undefined && !ours && !isDomainAllowed(origin, allowedDomainsOf(row))) {
    throw new HttpError('forbidden', 'The widget may not run on this site');
  }
  return { contactInboxId: row.id, accountId: row.account_id };
}
