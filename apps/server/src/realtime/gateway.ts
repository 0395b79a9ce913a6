import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { RawData, WebSocket } from 'ws';
import { HttpError } from '../lib/errors';
import { accessTokenDigest } from '../lib/access-tokens';
import { parseClientFrame, queryId } from './frames';
import type { Connection, RealtimeHub } from './hub';
import { loadGrant, type Grant } from '../core/visibility';
import type { Credential } from './credentials';
import { isOriginAllowed } from './origin';
import type { PresenceTracker } from './presence';

/** Chatwoot's path, and a plain alias. */
export const GATEWAY_PATHS = ['/cable', '/ws'] as const;

interface UpgradeAuth {
  userId: number;
  credential: Credential;
  account: { id: number; grant: Grant; after?: number } | null;
}

/**
 * Decides, before the 101 answer, who opens the socket: `?api_access_token=` (browsers cannot
 * set headers on a WebSocket), the `api_access_token` header or the session cookie (both
 * resolved by the auth plugin). Failures are ordinary HTTP answers: 401, 403, 404.
 */
async function authenticate(app: FastifyInstance, request: FastifyRequest): Promise<UpgradeAuth> {
  const query = (request.query ?? {}) as Record<string, unknown>;
  const queryToken = query.api_access_token;
  let userId: number;
  let credential: Credential;
  if (typeof queryToken === 'string' && queryToken !== '') {
    const user = await app.db
      .selectFrom('users')
      .select('id')
      .where('access_token_digest', '=', accessTokenDigest(queryToken))
      .executeTakeFirst();
    if (!user) throw new HttpError('unauthorized', 'Invalid api_access_token');
    userId = user.id;
    credential = { kind: 'token', digest: accessTokenDigest(queryToken) };
  } else if (request.user) {
    userId = request.user.id;
    if (request.sessionId) {
      const origin = request.headers.origin;
      const hosts = [request.headers.host, request.host];
      if (!isOriginAllowed(origin, app.config.publicUrl, hosts)) {
        throw new HttpError('forbidden', 'This origin may not open a signed-in socket');
      }
      credential = { kind: 'session', sessionId: request.sessionId };
    } else {
      credential = { kind: 'token', digest: request.user.access_token_digest };
    }
  } else {
    throw new HttpError('unauthorized', 'You need to sign in');
  }

  const accountId = queryId(query.account_id);
  const after = queryId(query.after);
  if (Number.isNaN(accountId) || Number.isNaN(after)) {
    throw new HttpError('bad_request', 'account_id and after must be ids');
  }
  if (accountId === undefined) return { userId, credential, account: null };
  const grant = await loadGrant(app.db, accountId, userId);
  if (!grant) throw new HttpError('not_found', 'Account not found');
  return { userId, credential, account: { id: accountId, grant, after } };
}

function onFrame(hub: RealtimeHub, connection: Connection, data: RawData, isBinary: boolean) {
  hub.markAlive(connection);
  const frame = isBinary ? null : parseClientFrame(data.toString());
  if (!frame) {
    hub.sendFrame(connection, { type: 'error', error: 'bad_request', message: 'Unknown frame' });
    return;
  }
  switch (frame.type) {
    case 'ping':
      hub.sendFrame(connection, { type: 'pong' });
      return;
    case 'resume':
      if (connection.accountId === null) {
        hub.sendFrame(connection, {
          type: 'error',
          error: 'bad_request',
          message: 'Subscribe to an account first',
        });
      } else hub.resume(connection, frame.after);
      return;
    case 'subscribe':
      // One membership lookup in flight per socket bounds what a chatty client costs us.
      if (connection.subscribing) {
        hub.sendFrame(connection, {
          type: 'error',
          error: 'bad_request',
          message: 'A subscribe is already in progress',
        });
        return;
      }
      hub
        .subscribe(connection, frame.account_id, frame.after)
        .then((result) => {
          if (result === 'not_found') {
            hub.sendFrame(connection, {
              type: 'error',
              error: 'not_found',
              message: 'Account not found',
            });
          }
        })
        .catch(() => {
          hub.sendFrame(connection, {
            type: 'error',
            error: 'bad_request',
            message: 'Could not subscribe; try again',
          });
        });
      return;
  }
}

/** A website visitor's socket, once the web widget module accepted its pubsub_token. */
export interface VisitorUpgrade {
  contactInboxId: number;
  accountId: number;
}

/** The visitor an upgrade is for; null when it names no pubsub_token (not a visitor). */
export type VisitorAuthenticator = (request: FastifyRequest) => Promise<VisitorUpgrade | null>;

/** `GET /cable` (and `/ws`): the dashboards' WebSocket, and website visitors' sockets. */
export function registerGateway(
  app: FastifyInstance,
  hub: RealtimeHub,
  authenticateVisitor: VisitorAuthenticator,
  presence: PresenceTracker,
): void {
  const upgrades = new WeakMap<FastifyRequest, UpgradeAuth | VisitorUpgrade>();
  for (const url of GATEWAY_PATHS) {
    app.route({
      method: 'GET',
      url,
      websocket: true,
      preValidation: async (request) => {
        // A website visitor's socket names its pubsub_token; everyone else is a signed-in user.
        const visitor = await authenticateVisitor(request);
        upgrades.set(request, visitor ?? (await authenticate(app, request)));
      },
      handler: (socket: WebSocket, request: FastifyRequest) => {
        const auth = upgrades.get(request);
        if (!auth) {
          socket.close(1011, 'not authenticated');
          return;
        }
        if ('contactInboxId' in auth) {
          const visitor = hub.addVisitor(socket, auth.contactInboxId);
          if (!visitor) return;
          // Visitors only ping; events come from the server.
          socket.on('message', () => {
            visitor.alive = true;
            hub.sendRaw(visitor, JSON.stringify({ type: 'pong' }));
          });
          socket.on('pong', () => (visitor.alive = true));
          socket.on('close', () => hub.removeVisitor(visitor));
          hub.sendRaw(
            visitor,
            JSON.stringify({ type: 'subscribed', account_id: auth.accountId, last_id: hub.lastId }),
          );
          return;
        }
        const connection = hub.add(socket, auth.userId, auth.credential);
        if (!connection) return;
        presence.connected(auth.userId);
        socket.on('message', (data, isBinary) => onFrame(hub, connection, data, isBinary));
        socket.on('pong', () => hub.markAlive(connection));
        socket.on('close', () => {
          hub.remove(connection);
          presence.disconnected(auth.userId);
        });
        if (auth.account) {
          hub.attach(connection, auth.account.id, auth.account.grant, auth.account.after);
        }
      },
    });
  }
}
