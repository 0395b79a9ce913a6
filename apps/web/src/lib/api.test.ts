import type { Conversation } from '@bevatel/protocol';
import type { ProfileWithTokens } from '@bevatel/protocol/schemas';
import { describe, expect, expectTypeOf, it, vi } from 'vitest';
import { ApiError, createApiClient, toQueryString } from './api';

function fakeFetch(status: number, body: unknown) {
  return vi.fn(
    async (_input: RequestInfo | URL, _init?: RequestInit) =>
      new Response(body === undefined ? null : JSON.stringify(body), { status }),
  );
}

describe('API client', () => {
  it('builds Chatwoot-style query strings', () => {
    expect(toQueryString({ a: 1, labels: ['x', 'y'], q: '', n: null, u: undefined })).toBe(
      '?a=1&labels%5B%5D=x&labels%5B%5D=y',
    );
    expect(toQueryString({})).toBe('');
  });

  it('sends the CSRF token on writes only', async () => {
    const fetch = fakeFetch(200, { ok: true });
    const api = createApiClient({ fetch });
    api.setCsrfToken('tok');
    await api.get('/api/v1/profile');
    await api.post('/api/v1/profile/availability', { x: 1 });
    const headers = (call: number) => fetch.mock.calls[call]![1]!.headers as Record<string, string>;
    expect(headers(0)['x-csrf-token']).toBeUndefined();
    expect(headers(1)['x-csrf-token']).toBe('tok');
    expect(fetch.mock.calls[1]![1]!.body).toBe('{"x":1}');
  });

  it('turns error bodies into ApiError and reports a lost session', async () => {
    const onUnauthorized = vi.fn();
    const api = createApiClient({
      fetch: fakeFetch(401, { error: 'unauthorized', message: 'Sign in', statusCode: 401 }),
      onUnauthorized,
    });
    const error = await api.get('/api/v1/profile').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect((error as ApiError).status).toBe(401);
    expect((error as ApiError).code).toBe('unauthorized');
    expect(onUnauthorized).toHaveBeenCalledOnce();
  });

  it('does not treat a failed sign-in as a lost session', async () => {
    const onUnauthorized = vi.fn();
    const api = createApiClient({ fetch: fakeFetch(401, { message: 'nope' }), onUnauthorized });
    await expect(api.post('/auth/sign_in', {})).rejects.toBeInstanceOf(ApiError);
    expect(onUnauthorized).not.toHaveBeenCalled();
  });

  it('answers 204 with null and network failures with status 0', async () => {
    expect(
      await createApiClient({ fetch: fakeFetch(204, undefined) }).delete('/auth/sign_out'),
    ).toBeNull();
    const offline = createApiClient({
      fetch: vi.fn(async () => {
        throw new TypeError('Failed to fetch');
      }),
    });
    await expect(offline.get('/auth/session')).rejects.toMatchObject({
      status: 0,
      code: 'network_error',
    });
  });

  it('types each answer by its endpoint and refuses paths the API does not have', () => {
    const api = createApiClient({ fetch: fakeFetch(200, {}) });
    expectTypeOf(api.get('/api/v1/profile')).resolves.toEqualTypeOf<ProfileWithTokens>();
    expectTypeOf(
      api.get(api.account(1, `conversations/${2}`)),
    ).resolves.toEqualTypeOf<Conversation>();
    expectTypeOf(api.get(api.account(1, 'inboxes'))).resolves.toHaveProperty('payload');
    expectTypeOf(api.delete(api.account(1, `labels/${3}`))).resolves.toBeNull();
    // @ts-expect-error: no such endpoint
    void api.get(api.account(1, 'nowhere'));
    // @ts-expect-error: sign-in is a POST
    void api.get('/auth/sign_in');
  });
});
