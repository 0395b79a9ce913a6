import { encodeHello, encodeRequest, encodeResponse, type RequestData } from '@bevatel/protocol';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createHostBridge, type FrameHandle, type HostBridge } from './host-bridge';
import type { Level2Delegate, ReadyDescription } from './level2-session';
import { FakeContentWindow, FakeFrame, FakeHostWindow } from './testing';

const APP_ORIGIN = 'https://orders.example.com';
const KEY = '1/7';
const context = (n: number, conversationKey = KEY) => ({
  conversationKey,
  payload: JSON.stringify({ event: 'appContext', data: { conversation: { id: n }, n } }),
});
const DESCRIPTION: ReadyDescription = {
  protocol: 2,
  methods: ['context.get', 'labels.add'],
  events: ['message.created', 'conversation.changed'],
  permissions: ['labels:write'],
  location: 'conversation.tab',
  locale: 'en',
  dir: 'ltr',
  theme: 'light',
};

type Parsed = { event: string; data: Record<string, unknown> };
const parsed = (frame: FakeFrame): Parsed[] =>
  frame.posted.map((p) => JSON.parse(p.message) as Parsed);
const level2 = (frame: FakeFrame) => parsed(frame).filter((m) => m.event !== 'appContext');

describe('host bridge, level 2', () => {
  let win: FakeHostWindow;
  let bridge: HostBridge;
  let requests: { request: RequestData; key: string }[];
  let delegate: Level2Delegate;

  beforeEach(() => {
    vi.useFakeTimers();
    win = new FakeHostWindow();
    bridge = createHostBridge(win);
    requests = [];
    delegate = {
      describe: () => DESCRIPTION,
      request: async (request, key) => {
        requests.push({ request, key });
        return { id: request.id, result: { echoed: request.method } };
      },
    };
  });
  afterEach(() => vi.useRealTimers());

  function open(): { frame: FakeFrame; handle: FrameHandle } {
    const frame = new FakeFrame();
    const handle = bridge.register({
      appId: 1,
      origin: APP_ORIGIN,
      frame,
      conversationKey: KEY,
      level2: delegate,
    });
    handle.update(context(1));
    handle.loaded();
    return { frame, handle };
  }
  const say = (
    frame: FakeFrame,
    data: string,
    origin = APP_ORIGIN,
    source: unknown = frame.contentWindow,
  ) => win.dispatch({ data, origin, source });
  const hello = (frame: FakeFrame, subscribe: string[] = []) =>
    say(frame, encodeHello({ protocol: 2, sdk: 'test', subscribe }));

  it('answers hello with ready: what the host offers, the grants, and the context', () => {
    const { frame } = open();
    hello(frame, ['message.created', 'no.such.event']);
    const [ready] = level2(frame);
    expect(ready?.event).toBe('bevatel-dashboard-app:ready');
    expect(ready?.data).toEqual({
      ...DESCRIPTION,
      subscribed: ['message.created'],
      context: { conversation: { id: 1 }, n: 1 },
    });
  });

  it('answers every hello, and the latest one sets the subscriptions', () => {
    const { frame, handle } = open();
    hello(frame, ['message.created']);
    hello(frame, []);
    expect(level2(frame).map((m) => m.event)).toEqual([
      'bevatel-dashboard-app:ready',
      'bevatel-dashboard-app:ready',
    ]);
    expect(handle.emit({ name: 'message.created', payload: { message: {} as never } })).toBe(false);
  });

  it('keeps a hello the first document said while it was still loading', async () => {
    const frame = new FakeFrame();
    const handle = bridge.register({
      appId: 1,
      origin: APP_ORIGIN,
      frame,
      conversationKey: KEY,
      level2: delegate,
    });
    handle.update(context(1));
    hello(frame, ['theme.changed']);
    handle.loaded();
    expect(handle.subscriptions().has('theme.changed')).toBe(true);
    say(frame, encodeRequest({ id: 'early', method: 'context.get' }));
    await vi.runAllTimersAsync();
    expect(requests.map((r) => r.request.id)).toEqual(['early']);
    // A later load is another document: it starts over.
    handle.loaded();
    expect(handle.subscriptions().size).toBe(0);
  });

  it('holds ready until the context exists', () => {
    const frame = new FakeFrame();
    const handle = bridge.register({
      appId: 1,
      origin: APP_ORIGIN,
      frame,
      conversationKey: KEY,
      level2: delegate,
    });
    handle.loaded();
    hello(frame);
    expect(frame.posted).toEqual([]);
    handle.update(context(2));
    expect(parsed(frame).map((m) => m.event)).toEqual([
      'bevatel-dashboard-app:ready',
      'appContext',
    ]);
  });

  it('ignores hello and requests from other origins and windows (rule 2)', async () => {
    const { frame } = open();
    const before = frame.posted.length;
    say(frame, encodeHello({ protocol: 2 }), 'https://evil.example');
    say(frame, encodeHello({ protocol: 2 }), APP_ORIGIN, new FakeContentWindow());
    say(frame, encodeHello({ protocol: 2 }), APP_ORIGIN, null);
    hello(frame);
    say(frame, encodeRequest({ id: 'a', method: 'context.get' }), 'https://evil.example');
    say(frame, encodeRequest({ id: 'b', method: 'context.get' }), APP_ORIGIN, win);
    await vi.runAllTimersAsync();
    expect(requests).toEqual([]);
    expect(frame.posted.length).toBe(before + 1); // the one ready
  });

  it('answers a request with the router’s response, to that frame', async () => {
    const { frame } = open();
    hello(frame);
    say(frame, encodeRequest({ id: 'r1', method: 'labels.add', params: { labels: ['x'] } }));
    await vi.runAllTimersAsync();
    expect(requests).toEqual([
      { request: { id: 'r1', method: 'labels.add', params: { labels: ['x'] } }, key: KEY },
    ]);
    expect(level2(frame).at(-1)).toEqual({
      event: 'bevatel-dashboard-app:response',
      data: { id: 'r1', result: { echoed: 'labels.add' } },
    });
    expect(frame.posted.every((p) => p.targetOrigin === APP_ORIGIN)).toBe(true);
  });

  it('gives a document that never said hello nothing but appContext', async () => {
    const { frame, handle } = open();
    say(frame, encodeRequest({ id: 'r1', method: 'context.get' }));
    handle.emit({ name: 'theme.changed', payload: { theme: 'dark' } });
    await vi.runAllTimersAsync();
    expect(requests).toEqual([]);
    expect(parsed(frame).every((m) => m.event === 'appContext')).toBe(true);
  });

  it('forgets the hello when the frame loads a new document', async () => {
    const { frame, handle } = open();
    hello(frame, ['theme.changed']);
    handle.loaded();
    expect(handle.subscriptions().size).toBe(0);
    expect(handle.emit({ name: 'theme.changed', payload: { theme: 'dark' } })).toBe(false);
    say(frame, encodeRequest({ id: 'r1', method: 'context.get' }));
    await vi.runAllTimersAsync();
    expect(requests).toEqual([]);
  });

  it('drops the answer to a request of a document that has gone', async () => {
    let finish: () => void = () => undefined;
    delegate.request = (request) =>
      new Promise((resolve) => {
        finish = () => resolve({ id: request.id, result: {} });
      });
    const { frame, handle } = open();
    hello(frame);
    say(frame, encodeRequest({ id: 'slow', method: 'context.get' }));
    handle.loaded();
    finish();
    await vi.runAllTimersAsync();
    expect(level2(frame).some((m) => m.event === 'bevatel-dashboard-app:response')).toBe(false);
  });

  it('sends events only to documents that subscribed to them', () => {
    const a = open();
    const b = open();
    hello(a.frame, ['message.created']);
    hello(b.frame, ['theme.changed']);
    a.handle.update({
      ...context(2),
      events: [{ name: 'message.created', payload: { message: { id: 9 } as never } }],
    });
    b.handle.update({
      ...context(2),
      events: [{ name: 'message.created', payload: { message: { id: 9 } as never } }],
    });
    expect(level2(a.frame).map((m) => [m.event, m.data.name])).toEqual([
      ['bevatel-dashboard-app:ready', undefined],
      ['bevatel-dashboard-app:event', 'message.created'],
    ]);
    expect(level2(b.frame).map((m) => m.event)).toEqual(['bevatel-dashboard-app:ready']);
  });

  it('asks a blocking question and takes the answer with the same id', async () => {
    const { frame, handle } = open();
    hello(frame, ['composer.beforeSend']);
    const outcome = handle.ask('composer.beforeSend', { text: 'Hi', kind: 'reply' }, 2000);
    const asked = level2(frame).at(-1)!;
    expect(asked.data).toMatchObject({
      name: 'composer.beforeSend',
      payload: { text: 'Hi', kind: 'reply' },
    });
    say(
      frame,
      encodeResponse({
        id: String(asked.data.id),
        result: { allow: false, reason: 'No order number' },
      }),
    );
    await expect(outcome).resolves.toEqual({
      asked: true,
      answered: true,
      result: { allow: false, reason: 'No order number' },
    });
  });

  it('gives up on a blocking question after the timeout, and on one nobody subscribed to', async () => {
    const { frame, handle } = open();
    await expect(
      handle.ask('composer.beforeSend', { text: 'Hi', kind: 'reply' }, 2000),
    ).resolves.toEqual({ asked: false });
    hello(frame, ['composer.beforeSend']);
    const outcome = handle.ask('composer.beforeSend', { text: 'Hi', kind: 'note' }, 2000);
    vi.advanceTimersByTime(1999);
    say(frame, encodeResponse({ id: 'host-unknown', result: { allow: false } }));
    vi.advanceTimersByTime(1);
    await expect(outcome).resolves.toEqual({ asked: true, answered: false });
  });

  it('moves a frame to another conversation: conversation.changed, then that context only', () => {
    const { frame, handle } = open();
    hello(frame, ['conversation.changed']);
    handle.retarget('1/8');
    handle.update(context(1)); // the old conversation's: never posted again
    expect(level2(frame).map((m) => m.event)).toEqual(['bevatel-dashboard-app:ready']);
    handle.update(context(8, '1/8'));
    const last = parsed(frame).slice(-2);
    expect(last[0]).toEqual({
      event: 'bevatel-dashboard-app:event',
      data: {
        name: 'conversation.changed',
        payload: { context: { conversation: { id: 8 }, n: 8 } },
      },
    });
    expect(last[1]?.data).toMatchObject({ n: 8, reason: 'conversation.changed' });
  });
});
