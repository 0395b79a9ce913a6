import type { AppPermission, RequestData } from '@bevatel/protocol';
import { describe, expect, it, vi } from 'vitest';
import { ApiError } from '../../lib/api';
import { AppRequestError } from './errors';
import { createRequestRouter, type MethodHandlers } from './router';

const KEY = '1/7';

function router(granted: AppPermission[], handlers: MethodHandlers = {}) {
  return createRequestRouter({ handlers, permissions: () => new Set(granted) });
}
const request = (
  method: string,
  params?: unknown,
  extra: Partial<RequestData> = {},
): RequestData => ({
  id: 'r1',
  method,
  params,
  ...extra,
});

describe('request router', () => {
  it('checks the method first, then the permission, then the params', async () => {
    const route = router([]);
    expect((await route(request('labels.drop', { labels: 5 }), KEY)).error?.code).toBe(
      'unknown_method',
    );
    expect((await route(request('', {}), KEY)).error?.code).toBe('unknown_method');
    expect((await route(request('labels.add', { labels: 5 }), KEY)).error).toEqual({
      code: 'permission_denied',
      message:
        'labels.add needs the permission labels:write, which the administrator has not granted this app',
    });
    const granted = router(['labels:write']);
    expect((await granted(request('labels.add', { labels: 5 }), KEY)).error).toEqual({
      code: 'invalid_params',
      message: 'labels.add: labels must be an array (got number)',
    });
  });

  it('does not take an inherited property for a method', async () => {
    const route = router(['ui']);
    for (const method of ['toString', '__proto__', 'constructor', 'hasOwnProperty']) {
      expect((await route(request(method), KEY)).error?.code).toBe('unknown_method');
    }
  });

  it('runs the handler with validated params and answers its result with the request id', async () => {
    const add = vi.fn(async (params: { labels: string[] }) => ({
      labels: ['vip', ...params.labels],
    }));
    const route = router(['labels:write'], { 'labels.add': add });
    expect(await route(request('labels.add', { labels: ['refund-requested'] }), KEY)).toEqual({
      id: 'r1',
      result: { labels: ['vip', 'refund-requested'] },
    });
    expect(add).toHaveBeenCalledWith({ labels: ['refund-requested'] }, { conversationKey: KEY });
  });

  it('lets context.get and token.get through without any permission; missing params mean {}', async () => {
    const route = router([], { 'context.get': () => ({ n: 1 }) as never });
    expect((await route(request('context.get'), KEY)).result).toEqual({ n: 1 });
    expect((await route(request('token.get'), KEY)).error?.code).toBe('not_available');
  });

  it('answers conflict when the app believes another conversation is in view', async () => {
    const handler = vi.fn(() => ({ shown: true as const }));
    const route = router(['ui'], { 'ui.notify': handler });
    const stale = await route(request('ui.notify', { message: 'Hi' }, { conversation_id: 6 }), KEY);
    expect(stale.error?.code).toBe('conflict');
    expect(handler).not.toHaveBeenCalled();
    expect(
      (await route(request('ui.notify', { message: 'Hi' }, { conversation_id: 7 }), KEY)).result,
    ).toEqual({
      shown: true,
    });
  });

  it('maps what handlers throw to protocol errors, never losing the id', async () => {
    const failing = (error: unknown) =>
      router(['notes:write'], {
        'note.create': () => {
          throw error;
        },
      });
    const codeOf = async (error: unknown) =>
      (await failing(error)(request('note.create', { content: 'x' }), KEY)).error?.code;
    expect(await codeOf(new AppRequestError('not_available', 'no composer'))).toBe('not_available');
    expect(await codeOf(new ApiError(403, 'permission_denied', 'not granted'))).toBe(
      'permission_denied',
    );
    expect(await codeOf(new ApiError(404, 'not_found', 'Conversation not found'))).toBe(
      'forbidden',
    );
    expect(await codeOf(new ApiError(403, 'forbidden', 'Administrators only'))).toBe('forbidden');
    expect(await codeOf(new ApiError(422, 'unprocessable_entity', 'labels x do not exist'))).toBe(
      'invalid_params',
    );
    expect(await codeOf(new ApiError(429, 'too_many_requests', 'slow down'))).toBe('rate_limited');
    expect(await codeOf(new ApiError(500, 'internal', 'boom'))).toBe('internal');
    expect(await codeOf(new Error('TypeError somewhere'))).toBe('internal');
    const response = await failing(new Error('secret stack'))(
      request('note.create', { content: 'x' }),
      KEY,
    );
    expect(response.id).toBe('r1');
    expect(response.error?.message).not.toContain('secret');
  });
});
