import type { ApiErrorBody } from '@bevatel/protocol';

/** A failed request: the API's error body when it sent one, else a network or parse failure. */
export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly field: string | undefined;

  constructor(status: number, code: string, message: string, field?: string) {
    super(message);
    this.name = 'ApiError';
    this.status = status;
    this.code = code;
    this.field = field;
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

export interface ApiClient {
  get<T>(path: string, params?: QueryParams): Promise<T>;
  post<T>(path: string, body?: unknown): Promise<T>;
  put<T>(path: string, body?: unknown): Promise<T>;
  patch<T>(path: string, body?: unknown): Promise<T>;
  delete<T = void>(path: string): Promise<T>;
  /** Path of an account-scoped resource: `/api/v1/accounts/:id/<rest>`. */
  account(accountId: number, rest: string): string;
  setCsrfToken(token: string | null): void;
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

  async function request<T>(method: string, path: string, body?: unknown): Promise<T> {
    const headers: Record<string, string> = { accept: 'application/json' };
    if (body !== undefined) headers['content-type'] = 'application/json';
    if (method !== 'GET' && csrfToken) headers['x-csrf-token'] = csrfToken;
    let response: Response;
    try {
      response = await doFetch(`${baseUrl}${path}`, {
        method,
        headers,
        credentials: 'same-origin',
        body: body === undefined ? undefined : JSON.stringify(body),
      });
    } catch (error) {
      throw new ApiError(
        0,
        'network_error',
        error instanceof Error ? error.message : 'Network error',
      );
    }
    const text = response.status === 204 ? '' : await response.text();
    let parsed: unknown = undefined;
    if (text) {
      try {
        parsed = JSON.parse(text);
      } catch {
        parsed = undefined;
      }
    }
    if (!response.ok) {
      if (response.status === 401 && !path.startsWith('/auth/')) options.onUnauthorized?.();
      const code = isErrorBody(parsed) && parsed.error ? parsed.error : `http_${response.status}`;
      const message = isErrorBody(parsed) && parsed.message ? parsed.message : response.statusText;
      const field = isErrorBody(parsed) ? parsed.field : undefined;
      throw new ApiError(response.status, code, message, field);
    }
    return parsed as T;
  }

  return {
    get: (path, params) => request('GET', `${path}${toQueryString(params)}`),
    post: (path, body) => request('POST', path, body ?? {}),
    put: (path, body) => request('PUT', path, body ?? {}),
    patch: (path, body) => request('PATCH', path, body ?? {}),
    delete: (path) => request('DELETE', path),
    account: (accountId, rest) => `/api/v1/accounts/${accountId}/${rest.replace(/^\//, '')}`,
    setCsrfToken(token) {
      csrfToken = token;
    },
  };
}

/** Chatwoot wraps some answers in `{payload}`; accept both so the client never breaks on it. */
export function unwrapPayload<T>(body: unknown): T {
  if (typeof body === 'object' && body !== null && !Array.isArray(body) && 'payload' in body) {
    return (body as { payload: T }).payload;
  }
  return body as T;
}
