import type { FastifyRequest } from 'fastify';

const SECRET_QUERY = /([?&](?:api_access_token|token)=)[^&#]*/gi;

/** Tokens in query strings (the WebSocket's `?api_access_token=`) must not reach the logs. */
export function redactUrl(url: string): string {
  return url.replace(SECRET_QUERY, '$1[redacted]');
}

export function loggerOptions(level: string) {
  return {
    level,
    serializers: {
      req(request: FastifyRequest) {
        return {
          method: request.method,
          url: redactUrl(request.url),
          host: request.host,
          remoteAddress: request.ip,
        };
      },
    },
  };
}
