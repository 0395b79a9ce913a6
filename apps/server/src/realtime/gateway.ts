import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { RawData, WebSocket } from 'ws';
import { HttpError } from '../lib/errors';
import { parseClientFrame, queryId } from './frames';
import type { Connection, RealtimeHub } from './hub';
import { loadGrant, type Credential, type Grant } from './membership';
import { isOriginAllowed } from './origin';

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
      .where('access_token', '=', queryToken)
      .executeTakeFirst();
    if (!user) throw new HttpError('unauthorized', 'Invalid api_access_token');
    userId = user.id;
    credential = { kind: 'token', token: queryToken };
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
      credential = { kind: 'token', token: request.user.access_token };
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

/** `GET /cable` (and `/ws`): the dashboards' WebSocket. */
export function registerGateway(app: FastifyInstance, hub: RealtimeHub): void {
  const upgrades = new WeakMap<FastifyRequest, UpgradeAuth>();
  for (const url of GATEWAY_PATHS) {
    app.route({
      method: 'GET',
      url,
      websocket: true,
      preValidation: async (request) => {
        upgrades.set(request, await authenticate(app, request));
      },
      handler: (socket: WebSocket, request: FastifyRequest) => {
        const auth = upgrades.get(request);
        if (!auth) {
          socket.close(1011, 'not authenticated');
          return;
        }
        const connection = hub.add(socket, auth.userId, auth.credential);
        if (!connection) return;
        socket.on('message', (data, isBinary) => onFrame(hub, connection, data, isBinary));
        socket.on('pong', () => hub.markAlive(connection));
        socket.on('close', () => hub.remove(connection));
        if (auth.account) {
          hub.attach(connection, auth.account.id, auth.account.grant, auth.account.after);
        }
      },
    });
  }
}
