/**
 * The guarded outbound HTTPS client: what the server uses to call other services for the
 * product (the dashboard apps' request proxy, webhooks). HTTPS only, public addresses only
 * (addresses.ts), one deadline for the whole exchange, bounded bodies, and redirects followed
 * only on the same host and port. Hosts the operator named in OUTBOUND_PRIVATE_HOSTS may be
 * private and may use plain http (local development, services on the same network).
 */
import { request as httpRequest, type IncomingHttpHeaders, type IncomingMessage } from 'node:http';
import { request as httpsRequest } from 'node:https';
import {
  checkLiteralHost,
  guardedLookup,
  isPrivateHostAllowed,
  PrivateAddressError,
} from './addresses';

export type OutboundFailure =
  | 'not_https'
  | 'private_address'
  | 'redirect_refused'
  | 'too_many_redirects'
  | 'timeout'
  | 'response_too_large'
  | 'connection_failed';

export class OutboundError extends Error {
  constructor(
    readonly reason: OutboundFailure,
    message: string,
  ) {
    super(message);
    this.name = 'OutboundError';
  }
}

export interface OutboundPolicy {
  /** Hosts that may resolve to private addresses (OUTBOUND_PRIVATE_HOSTS). */
  privateHosts: readonly string[];
  /**
   * Certificates to trust instead of the system's: for tests against a local HTTPS server
   * only. Verification itself is never turned off.
   */
  ca?: string | Buffer;
  timeoutMs: number;
  maxResponseBytes: number;
  /** 0: redirects are answers like any other (webhooks); otherwise same-host hops at most. */
  maxRedirects: number;
  /**
   * What a longer answer means: `fail` (the proxy hands the body on, so it must be whole) or
   * `truncate` (keep the first maxResponseBytes and stop reading: webhooks log an excerpt).
   */
  oversizedResponse?: 'fail' | 'truncate';
}

export interface OutboundRequest {
  url: URL;
  method: string;
  headers: Record<string, string>;
  body?: Buffer;
}

export interface OutboundResponse {
  status: number;
  headers: IncomingHttpHeaders;
  body: Buffer;
  /** The body was cut at maxResponseBytes (`oversizedResponse: 'truncate'`). */
  truncated: boolean;
  /** Where the answer came from after same-host redirects. */
  url: URL;
}

const REDIRECTS = new Set([301, 302, 303, 307, 308]);

const sameAuthority = (a: URL, b: URL) =>
  a.protocol === b.protocol && a.hostname === b.hostname && a.port === b.port;

/** One hop: the request, its answer read up to the limit. */
function exchange(
  request: OutboundRequest,
  policy: OutboundPolicy,
  signal: AbortSignal,
): Promise<OutboundResponse> {
  return new Promise((resolve, reject) => {
    const fail = (error: unknown) => {
      if (error instanceof OutboundError) return reject(error);
      if (signal.aborted) {
        return reject(new OutboundError('timeout', `No answer within ${policy.timeoutMs} ms`));
      }
      if (error instanceof PrivateAddressError) {
        return reject(new OutboundError('private_address', error.message));
      }
      const code = (error as NodeJS.ErrnoException).code ?? '';
      return reject(
        new OutboundError(
          'connection_failed',
          `Could not reach ${request.url.host}${code ? ` (${code})` : ''}`,
        ),
      );
    };
    try {
      checkLiteralHost(policy.privateHosts, request.url.hostname);
    } catch (error) {
      return fail(error);
    }
    const send = request.url.protocol === 'http:' ? httpRequest : httpsRequest;
    const req = send(
      request.url,
      {
        method: request.method,
        headers: {
          ...request.headers,
          'accept-encoding': 'identity',
          ...(request.body ? { 'content-length': String(request.body.length) } : {}),
        },
        lookup: guardedLookup(policy.privateHosts) as never,
        ...(policy.ca && send === httpsRequest ? { ca: policy.ca } : {}),
        signal,
        agent: false,
      },
      (res: IncomingMessage) => {
        const truncate = policy.oversizedResponse === 'truncate';
        const declared = Number(res.headers['content-length'] ?? NaN);
        const tooLarge = () =>
          new OutboundError(
            'response_too_large',
            `The answer is larger than ${policy.maxResponseBytes} bytes`,
          );
        if (!truncate && Number.isFinite(declared) && declared > policy.maxResponseBytes) {
          res.destroy();
          return reject(tooLarge());
        }
        const chunks: Buffer[] = [];
        let size = 0;
        const answer = (truncated: boolean) =>
          resolve({
            status: res.statusCode ?? 0,
            headers: res.headers,
            body: Buffer.concat(chunks).subarray(0, policy.maxResponseBytes),
            truncated,
            url: request.url,
          });
        res.on('data', (chunk: Buffer) => {
          size += chunk.length;
          if (size > policy.maxResponseBytes) {
            if (truncate) {
              chunks.push(chunk);
              answer(true);
            } else {
              reject(tooLarge());
            }
            res.destroy();
            return;
          }
          chunks.push(chunk);
        });
        res.on('error', fail);
        // Destroyed mid-body (the deadline): 'close' without 'end'.
        res.on('close', () => {
          if (!res.complete) fail(new Error('closed'));
        });
        res.on('end', () => answer(false));
      },
    );
    req.on('error', fail);
    req.end(request.body);
  });
}

/** https, or plain http to a host the operator named in OUTBOUND_PRIVATE_HOSTS. */
export function outboundSchemeAllowed(url: URL, privateHosts: readonly string[]): boolean {
  if (url.protocol === 'https:') return true;
  return url.protocol === 'http:' && isPrivateHostAllowed(privateHosts, url.hostname);
}

/** Makes the request under the policy; rejects with an OutboundError, never anything else. */
export async function outboundRequest(
  request: OutboundRequest,
  policy: OutboundPolicy,
): Promise<OutboundResponse> {
  if (!outboundSchemeAllowed(request.url, policy.privateHosts)) {
    throw new OutboundError('not_https', 'Only https:// URLs can be requested');
  }
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), policy.timeoutMs);
  try {
    let current = request;
    for (let hop = 0; ; hop++) {
      const response = await exchange(current, policy, controller.signal);
      const location = response.headers.location;
      if (!REDIRECTS.has(response.status) || !location || policy.maxRedirects === 0) {
        return response;
      }
      let next: URL;
      try {
        next = new URL(location, current.url);
      } catch {
        return response;
      }
      if (!sameAuthority(next, request.url)) {
        throw new OutboundError(
          'redirect_refused',
          `${request.url.host} redirected to another host (${next.host}); only redirects on the same host are followed`,
        );
      }
      if (hop >= policy.maxRedirects) {
        throw new OutboundError('too_many_redirects', `More than ${policy.maxRedirects} redirects`);
      }
      // 303, and 301/302 after a POST, continue as GET without a body (as browsers do).
      const asGet =
        response.status === 303 ||
        ((response.status === 301 || response.status === 302) && current.method === 'POST');
      current = asGet
        ? { url: next, method: 'GET', headers: withoutBodyHeaders(current.headers) }
        : { ...current, url: next };
    }
  } finally {
    clearTimeout(timer);
  }
}

function withoutBodyHeaders(headers: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(headers).filter(([name]) => !/^content-/i.test(name)));
}
