import type { ApiErrorBody } from '@bevatel/protocol';
import { accountPath, type ApiPath, type ResponseTo } from './api-paths';

/** A failed request: the API's error body when it sent one, else a network or parse failure. */
export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly field: string | undefined;
  /** The body's finer machine code, where the server gives one. */
  readonly reason: string | undefined;

  constructor(status: number, code: string, message: string, field?: string, reason?: string) {
    super(message);
    this.name = 'ApiError';
    this.status = status;
    this.code = code;
    this.field = field;
    this.reason = reason;
  }
}

export type QueryValue =
  string | number | boolean | null | undefined | readonly (string | number)[];
export type QueryParams = Record<string, QueryValue>;

/** Builds `?a=1&labels[]=x&labels[]=y`, skipping empty values. */
export function toQueryString(params: QueryParams = {}): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value === undefined || value === null || value === '') continue;
    if (Array.isArray(value)) {
      for (const item of value) search.append(`${key}[]`, String(item));
    } else {
      search.append(key, String(value));
    }
  }
  const text = search.toString();
  return text ? `?${text}` : '';
}

/**
 * Each method takes the paths the API has for it and answers with that endpoint's response
 * type (`API_ENDPOINTS` in @bevatel/protocol/schemas, the schemas the server serializes with).
 * A 204 answers null.
 */
export interface ApiClient {
  get<P extends ApiPath<'GET'>>(path: P, params?: QueryParams): Promise<ResponseTo<'GET', P>>;
  post<P extends ApiPath<'POST'>>(path: P, body?: unknown): Promise<ResponseTo<'POST', P>>;
  put<P extends ApiPath<'PUT'>>(path: P, body?: unknown): Promise<ResponseTo<'PUT', P>>;
  patch<P extends ApiPath<'PATCH'>>(path: P, body?: unknown): Promise<ResponseTo<'PATCH', P>>;
  delete<P extends ApiPath<'DELETE'>>(path: P, body?: unknown): Promise<ResponseTo<'DELETE', P>>;
  /** Path of an account-scoped resource: `/api/v1/accounts/:id/<rest>`. */
  account: typeof accountPath;
  setCsrfToken(token: string | null): void;
  /** The same client (session, CSRF token) adding these headers to every request. */
  withHeaders(headers: Readonly<Record<string, string>>): ApiClient;
}

export interface ApiClientOptions {
  baseUrl?: string;
  /** Called on a 401 from anything but the sign-in request: the session is gone. */
  onUnauthorized?: () => void;
  fetch?: typeof fetch;
}

function isErrorBody(value: unknown): value is Partial<ApiErrorBody> {
  return typeof value === 'object' && value !== null && 'message' in value;
}

/** The browser's API client: session cookie plus the CSRF header on every write. */
export function createApiClient(options: ApiClientOptions = {}): ApiClient {
  const baseUrl = options.baseUrl ?? '';
  const doFetch = options.fetch ?? ((input, init) => fetch(input, init));
  let csrfToken: string | null = null;

  async function request<T>(
    method: string,
    path: string,
    body?: unknown,
    extra: Readonly<Record<string, string>> = {},
  ): Promise<T> {
    const headers: Record<string, string> = { ...extra, accept: 'application/json' };
    // A FormData body (a message with files) sets its own multipart Content-Type and boundary.
    const form = typeof FormData !== 'undefined' && body instanceof FormData ? body : null;
    if (body !== undefined && !form) headers['content-type'] = 'application/json';
    if (method !== 'GET' && csrfToken) headers['x-csrf-token'] = csrfToken;
    let response: Response;
    try {
      response = await doFetch(`${baseUrl}${path}`, {
        method,
        headers,
        credentials: 'same-origin',
        body: form ?? (body === undefined ? undefined : JSON.stringify(body)),
      });
    } catch (error) {
      throw new ApiError(
        0,
        'network_error',
        error instanceof Error ? error.message : 'Network error',
      );
    }
    const text = response.status === 204 ? '' : await response.text();
    let parsed: unknown = null;
    if (text) {
      try {
        parsed = JSON.parse(text);
      } catch {
        parsed = null;
      }
    }
    if (!response.ok) {
      if (response.status === 401 && !path.startsWith('/auth/')) options.onUnauthorized?.();
      const code = isErrorBody(parsed) && parsed.error ? parsed.error : `http_${response.status}`;
      const message = isErrorBody(parsed) && parsed.message ? parsed.message : response.statusText;
      const field = isErrorBody(parsed) ? parsed.field : undefined;
      const reason = isErrorBody(parsed) ? parsed.reason : undefined;
      throw new ApiError(response.status, code, message, field, reason);
    }
    // The server serializes every answer with the endpoint's response schema: its type holds.
    return parsed as T;
  }

  const clientWith = (extra: Readonly<Record<string, string>>): ApiClient => ({
    get: (path, params) => request('GET', `${path}${toQueryString(params)}`, undefined, extra),
    post: (path, body) => request('POST', path, body ?? {}, extra),
    put: (path, body) => request('PUT', path, body ?? {}, extra),
    patch: (path, body) => request('PATCH', path, body ?? {}, extra),
    delete: (path, body) => request('DELETE', path, body, extra),
    account: accountPath,
    setCsrfToken(token) {
      csrfToken = token;
    },
    withHeaders: (headers) => clientWith({ ...extra, ...headers }),
  });
  return clientWith({});
}
