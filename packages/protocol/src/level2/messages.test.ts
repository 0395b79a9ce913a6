import { describe, expect, it } from 'vitest';
import { FETCH_INFO_KEY, LEVEL2_HELLO, LEVEL2_REQUEST, LEVEL2_RESPONSE } from '../keys';
import { serializeAppContext, withContextReason, type AppContextEvent } from '../app-context';
import {
  encodeEvent,
  encodeHello,
  encodeReady,
  encodeRequest,
  encodeResponse,
  parseAppMessage,
  parseHostMessage,
  type ReadyData,
} from './messages';

const post = (event: string, data: unknown) => JSON.stringify({ event, data });

describe('parseAppMessage', () => {
  it('reads a hello, keeping only string subscriptions', () => {
    expect(
      parseAppMessage(encodeHello({ protocol: 2, sdk: '0.2.0', subscribe: ['message.created'] })),
    ).toEqual({
      type: 'hello',
      data: { protocol: 2, sdk: '0.2.0', subscribe: ['message.created'] },
    });
    expect(parseAppMessage(post(LEVEL2_HELLO, { protocol: 3, subscribe: ['a', 5, null] }))).toEqual(
      {
        type: 'hello',
        data: { protocol: 3, subscribe: ['a'] },
      },
    );
  });

  it.each([
    ['protocol 1', post(LEVEL2_HELLO, { protocol: 1 })],
    ['no protocol', post(LEVEL2_HELLO, {})],
    ['a string protocol', post(LEVEL2_HELLO, { protocol: '2' })],
    ['a request without id', post(LEVEL2_REQUEST, { method: 'context.get' })],
    ['a request with a numeric id', post(LEVEL2_REQUEST, { id: 1, method: 'context.get' })],
    [
      'a request with a huge id',
      post(LEVEL2_REQUEST, { id: 'x'.repeat(129), method: 'context.get' }),
    ],
    ['the fetch-info key', FETCH_INFO_KEY],
    ['an object, not a string', { event: LEVEL2_HELLO, data: { protocol: 2 } }],
    ['malformed JSON', '{"event":"bevatel-dashboard-app:hello","data":'],
    ['no data', JSON.stringify({ event: LEVEL2_HELLO })],
    ['an appContext', JSON.stringify({ event: 'appContext', data: {} })],
    [
      'an oversized message',
      post(LEVEL2_REQUEST, { id: 'a', method: 'x', params: 'y'.repeat(70_000) }),
    ],
  ])('ignores %s', (_name, value) => {
    expect(parseAppMessage(value)).toBeNull();
  });

  it('keeps a request with an unusable method so that it can be answered unknown_method', () => {
    expect(parseAppMessage(post(LEVEL2_REQUEST, { id: 'r1', method: 42 }))).toEqual({
      type: 'request',
      data: { id: 'r1', method: '', params: undefined },
    });
    expect(
      parseAppMessage(encodeRequest({ id: 'r2', method: 'labels.add', params: { labels: ['x'] } })),
    ).toEqual({
      type: 'request',
      data: { id: 'r2', method: 'labels.add', params: { labels: ['x'] } },
    });
  });

  it('keeps the conversation the app believes in view only when it is a display id', () => {
    const request = (conversation_id: unknown) =>
      parseAppMessage(post(LEVEL2_REQUEST, { id: 'r', method: 'note.create', conversation_id }));
    expect(request(17)?.data).toMatchObject({ conversation_id: 17 });
    for (const bad of [0, -1, 1.5, '17', null]) {
      expect(request(bad)?.data).not.toHaveProperty('conversation_id');
    }
  });

  it('reads an app response (beforeSend answers)', () => {
    expect(
      parseAppMessage(encodeResponse({ id: 'h1', result: { allow: false, reason: 'No' } })),
    ).toEqual({
      type: 'response',
      data: { id: 'h1', result: { allow: false, reason: 'No' } },
    });
    expect(
      parseAppMessage(post(LEVEL2_RESPONSE, { id: 'h1', error: { code: 'x', message: 'boom' } })),
    ).toEqual({
      type: 'response',
      data: { id: 'h1', error: { code: 'internal', message: 'boom' } },
    });
  });
});

describe('parseHostMessage', () => {
  const ready = { protocol: 2, context: { conversation: {} } } as unknown as ReadyData;

  it('reads ready, responses and events', () => {
    expect(parseHostMessage(encodeReady(ready))?.type).toBe('ready');
    expect(parseHostMessage(encodeResponse({ id: 'a', result: {} }))?.type).toBe('response');
    expect(
      parseHostMessage(encodeEvent({ name: 'theme.changed', payload: { theme: 'dark' } })),
    ).toEqual({
      type: 'event',
      data: { name: 'theme.changed', payload: { theme: 'dark' } },
    });
  });

  it('ignores other versions and other messages', () => {
    expect(parseHostMessage(encodeReady({ ...ready, protocol: 3 as 2 }))).toBeNull();
    expect(parseHostMessage(JSON.stringify({ event: 'appContext', data: {} }))).toBeNull();
    expect(parseHostMessage('bevatel-dashboard-app:fetch-info')).toBeNull();
    expect(parseHostMessage(42)).toBeNull();
  });
});

describe('withContextReason', () => {
  it('adds data.reason to the serialized payload without re-serializing it', () => {
    const event = {
      event: 'appContext',
      data: { conversation: { id: 1 }, contact: {}, token: 'a}}' },
    };
    const text = withContextReason(
      serializeAppContext(event as unknown as AppContextEvent),
      'message.created',
    );
    expect(JSON.parse(text)).toEqual({
      ...event,
      data: { ...event.data, reason: 'message.created' },
    });
    expect(JSON.parse(withContextReason('{"event":"appContext","data":{}}', 'load'))).toEqual({
      event: 'appContext',
      data: { reason: 'load' },
    });
  });
});
