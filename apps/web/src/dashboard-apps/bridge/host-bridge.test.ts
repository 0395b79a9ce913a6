import {
  CHATWOOT_FETCH_INFO_KEY,
  FETCH_INFO_KEY,
  MAX_INBOUND_MESSAGE_LENGTH,
} from '@bevatel/protocol';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createHostBridge, type FrameHandle, type HostBridge } from './host-bridge';
import { FakeContentWindow, FakeFrame, FakeHostWindow } from './testing';

const APP_ORIGIN = 'https://crm.example.com';
const OTHER_APP_ORIGIN = 'https://orders.example.com';
const CONVERSATION = 'account-1/conversation-7';

const payload = (n: number): string => JSON.stringify({ event: 'appContext', data: { n } });
const ctx = (n: number, conversationKey = CONVERSATION) => ({
  conversationKey,
  payload: payload(n),
});

/** What was posted, without the `data.reason` each post carries (tested on its own below). */
const bare = (message: string): string => {
  const parsed = JSON.parse(message) as { data: Record<string, unknown> };
  delete parsed.data.reason;
  return JSON.stringify(parsed);
};
const sent = (frame: FakeFrame): string[] => frame.posted.map((p) => bare(p.message));
const reasons = (frame: FakeFrame): unknown[] =>
  frame.posted.map((p) => (JSON.parse(p.message) as { data: { reason?: unknown } }).data.reason);

describe('host bridge', () => {
  let win: FakeHostWindow;
  let bridge: HostBridge;

  beforeEach(() => {
    vi.useFakeTimers();
    win = new FakeHostWindow();
    bridge = createHostBridge(win);
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  function open(origin = APP_ORIGIN, appId = 1): { frame: FakeFrame; handle: FrameHandle } {
    const frame = new FakeFrame();
    const handle = bridge.register({ appId, origin, frame, conversationKey: CONVERSATION });
    return { frame, handle };
  }

  function ask(frame: FakeFrame, origin = APP_ORIGIN, data: unknown = FETCH_INFO_KEY): void {
    win.dispatch({ data, origin, source: frame.contentWindow });
  }

  describe('the one listener', () => {
    it('is attached while frames exist, once for all of them', () => {
      expect(win.listeners.size).toBe(0);
      const a = open();
      const b = open(OTHER_APP_ORIGIN, 2);
      expect(win.listeners.size).toBe(1);
      a.handle.unregister();
      expect(win.listeners.size).toBe(1);
      b.handle.unregister();
      b.handle.unregister();
      expect(win.listeners.size).toBe(0);
      expect(bridge.size()).toBe(0);
    });
  });

  describe('posting', () => {
    it('posts the context on load, to the registered origin only, as the JSON string itself', () => {
      const { frame, handle } = open();
      handle.update(ctx(1));
      expect(frame.posted).toEqual([]); // not before the document has loaded
      handle.loaded();
      expect(sent(frame)).toEqual([payload(1)]);
      expect(frame.posted.map((p) => p.targetOrigin)).toEqual([APP_ORIGIN]);
    });

    it('posts again on every load (a reloaded document has seen nothing)', () => {
      const { frame, handle } = open();
      handle.update(ctx(1));
      handle.loaded();
      handle.loaded();
      expect(sent(frame)).toEqual([payload(1), payload(1)]);
    });

    it('never posts with the wildcard target', () => {
      const { frame, handle } = open();
      handle.update(ctx(1));
      handle.loaded();
      ask(frame);
      handle.update(ctx(2));
      vi.advanceTimersByTime(2000);
      expect(frame.posted.length).toBeGreaterThan(0);
      expect(frame.posted.every((p) => p.targetOrigin === APP_ORIGIN)).toBe(true);
    });

    it('waits for the context when the frame loads first, then posts it at once', () => {
      const { frame, handle } = open();
      handle.loaded();
      handle.update(null);
      expect(frame.posted).toEqual([]);
      handle.update(ctx(1));
      expect(sent(frame)).toEqual([payload(1)]);
    });

    it('never posts context of another conversation than the frame was made for', () => {
      const { frame, handle } = open();
      handle.loaded();
      handle.update(ctx(1, 'account-1/conversation-8'));
      ask(frame);
      vi.advanceTimersByTime(2000);
      expect(frame.posted).toEqual([]);
    });

    it('stops posting once unregistered', () => {
      const { frame, handle } = open();
      handle.update(ctx(1));
      handle.loaded();
      handle.unregister();
      handle.update(ctx(2));
      handle.loaded();
      ask(frame);
      vi.advanceTimersByTime(2000);
      expect(frame.posted).toHaveLength(1);
    });

    it('survives a frame whose window is gone or whose postMessage throws', () => {
      const { frame, handle } = open();
      frame.contentWindow = null;
      handle.update(ctx(1));
      expect(() => handle.loaded()).not.toThrow();
      const throwing = new FakeContentWindow();
      throwing.postMessage = () => {
        throw new Error('detached');
      };
      frame.contentWindow = throwing;
      expect(() => handle.loaded()).not.toThrow();
    });
  });

  describe('fetch-info requests', () => {
    it.each([FETCH_INFO_KEY, CHATWOOT_FETCH_INFO_KEY])('answers %s at once', (key) => {
      const { frame, handle } = open();
      handle.update(ctx(3));
      handle.loaded();
      ask(frame, APP_ORIGIN, key);
      ask(frame, APP_ORIGIN, key);
      expect(sent(frame)).toEqual([payload(3), payload(3), payload(3)]);
      expect(frame.posted.every((p) => p.targetOrigin === APP_ORIGIN)).toBe(true);
    });

    it('answers a request made before the iframe fired load', () => {
      const { frame, handle } = open();
      handle.update(ctx(3));
      ask(frame);
      expect(frame.posted).toHaveLength(1);
    });

    it('answers a request made before the context was ready, once it is', () => {
      const { frame, handle } = open();
      ask(frame);
      expect(frame.posted).toEqual([]);
      handle.update(ctx(4));
      expect(sent(frame)).toEqual([payload(4)]);
    });

    it('answers the asking frame alone', () => {
      const a = open(APP_ORIGIN, 1);
      const b = open(OTHER_APP_ORIGIN, 2);
      const c = open(APP_ORIGIN, 1); // a second frame of the same app
      for (const { handle } of [a, b, c]) handle.update(ctx(5));
      ask(b.frame, OTHER_APP_ORIGIN);
      expect(a.frame.posted).toEqual([]);
      expect(c.frame.posted).toEqual([]);
      expect(sent(b.frame)).toEqual([payload(5)]);
      expect(b.frame.posted.map((p) => p.targetOrigin)).toEqual([OTHER_APP_ORIGIN]);
    });

    it('ignores a request whose origin is not the app origin (a frame that navigated away)', () => {
      const { frame, handle } = open();
      handle.update(ctx(1));
      ask(frame, 'https://evil.example.net');
      ask(frame, 'null');
      ask(frame, 'https://crm.example.com:444');
      ask(frame, 'http://crm.example.com');
      expect(frame.posted).toEqual([]);
    });

    it("ignores a request from another app's origin even from a registered window", () => {
      const a = open(APP_ORIGIN, 1);
      const b = open(OTHER_APP_ORIGIN, 2);
      a.handle.update(ctx(1));
      b.handle.update(ctx(1));
      ask(a.frame, OTHER_APP_ORIGIN);
      expect(a.frame.posted).toEqual([]);
      expect(b.frame.posted).toEqual([]);
    });

    it('ignores requests from windows that are not registered frames', () => {
      const { frame, handle } = open();
      handle.update(ctx(1));
      const stranger = new FakeContentWindow();
      win.dispatch({ data: FETCH_INFO_KEY, origin: APP_ORIGIN, source: stranger });
      win.dispatch({ data: FETCH_INFO_KEY, origin: APP_ORIGIN, source: null });
      win.dispatch({ data: FETCH_INFO_KEY, origin: APP_ORIGIN, source: undefined });
      win.dispatch({ data: FETCH_INFO_KEY, origin: APP_ORIGIN, source: win });
      expect(frame.posted).toEqual([]);
      expect(stranger.posted).toEqual([]);
    });
  });

  describe('garbage (rule 3)', () => {
    const garbage: [string, unknown][] = [
      ['a number', 42],
      ['null', null],
      ['undefined', undefined],
      ['an object with the key', { event: FETCH_INFO_KEY }],
      ['an array', [FETCH_INFO_KEY]],
      ['the key as JSON', JSON.stringify(FETCH_INFO_KEY)],
      ['the key with spaces', ` ${FETCH_INFO_KEY} `],
      ['the key in upper case', FETCH_INFO_KEY.toUpperCase()],
      ['a key prefix', 'bevatel-dashboard-app:fetch'],
      ['an appContext echo', payload(1)],
      ['malformed JSON', '{"event":'],
      ['a level-2 hello', JSON.stringify({ event: 'bevatel-dashboard-app:hello', data: {} })],
      ['an oversized string', FETCH_INFO_KEY + 'x'.repeat(MAX_INBOUND_MESSAGE_LENGTH)],
      ['a huge string', 'x'.repeat(8 * 1024 * 1024)],
      ['an empty string', ''],
      ['a symbol', Symbol('x')],
      ['a function', () => FETCH_INFO_KEY],
      [
        'an object whose getters throw',
        {
          get event() {
            throw new Error('boom');
          },
          toString() {
            throw new Error('boom');
          },
        },
      ],
    ];

    it.each(garbage)('ignores %s without throwing or answering', (_name, data) => {
      const { frame, handle } = open();
      handle.update(ctx(1));
      expect(() =>
        win.dispatch({ data, origin: APP_ORIGIN, source: frame.contentWindow }),
      ).not.toThrow();
      expect(frame.posted).toEqual([]);
    });

    it('survives an event whose fields throw when read', () => {
      const { frame, handle } = open();
      handle.update(ctx(1));
      const hostile = {
        data: FETCH_INFO_KEY,
        get origin(): string {
          throw new Error('boom');
        },
        source: frame.contentWindow,
      };
      expect(() => win.dispatch(hostile)).not.toThrow();
      expect(frame.posted).toEqual([]);
    });

    it('still answers real requests after a flood of garbage', () => {
      const { frame, handle } = open();
      handle.update(ctx(1));
      for (let i = 0; i < 1000; i++) {
        win.dispatch({ data: { i }, origin: APP_ORIGIN, source: frame.contentWindow });
        win.dispatch({ data: `junk ${i}`, origin: APP_ORIGIN, source: frame.contentWindow });
      }
      ask(frame);
      expect(frame.posted).toHaveLength(1);
    });
  });

  describe('unasked pushes', () => {
    const pushTimes = (frame: FakeFrame, times: number[]) => {
      const original = frame.contentWindow!.postMessage.bind(frame.contentWindow);
      frame.contentWindow!.postMessage = (message, target) => {
        times.push(Date.now());
        original(message, target);
      };
    };

    it('pushes a changed context at once (leading edge)', () => {
      const { frame, handle } = open();
      handle.update(ctx(1));
      handle.loaded();
      vi.advanceTimersByTime(1000);
      handle.update(ctx(2));
      expect(sent(frame)).toEqual([payload(1), payload(2)]);
    });

    it('does not push an unchanged context', () => {
      const { frame, handle } = open();
      handle.update(ctx(1));
      handle.loaded();
      for (let i = 0; i < 10; i++) {
        vi.advanceTimersByTime(300);
        handle.update(ctx(1));
      }
      expect(frame.posted).toHaveLength(1);
    });

    it('does not push before the frame has loaded', () => {
      const { frame, handle } = open();
      handle.update(ctx(1));
      handle.update(ctx(2));
      vi.advanceTimersByTime(1000);
      expect(frame.posted).toEqual([]);
    });

    it('collapses a burst into a trailing push of the latest context', () => {
      const { frame, handle } = open();
      handle.update(ctx(0));
      handle.loaded();
      vi.advanceTimersByTime(1000);
      for (let i = 1; i <= 50; i++) handle.update(ctx(i));
      expect(sent(frame)).toEqual([payload(0), payload(1)]);
      vi.advanceTimersByTime(250);
      expect(sent(frame)).toEqual([payload(0), payload(1), payload(50)]);
      vi.advanceTimersByTime(5000);
      expect(frame.posted).toHaveLength(3);
    });

    it('never exceeds four pushes in any second, however fast the context changes', () => {
      const { frame, handle } = open();
      handle.update(ctx(0));
      handle.loaded();
      const times: number[] = [];
      pushTimes(frame, times);
      let n = 1;
      // A change every 7 ms for 5 s.
      for (let t = 0; t < 5000; t += 7) {
        handle.update(ctx(n++));
        vi.advanceTimersByTime(7);
      }
      vi.advanceTimersByTime(1000);
      for (const start of times) {
        expect(times.filter((t) => t >= start && t < start + 1000).length).toBeLessThanOrEqual(4);
      }
      expect(times.length).toBeGreaterThanOrEqual(19);
      // The latest context always arrives in the end.
      expect(sent(frame).at(-1)).toBe(payload(n - 1));
    });

    it('keeps the limit per frame: one busy frame does not delay another', () => {
      const a = open(APP_ORIGIN, 1);
      const b = open(OTHER_APP_ORIGIN, 2);
      for (const { handle } of [a, b]) {
        handle.update(ctx(0));
        handle.loaded();
      }
      vi.advanceTimersByTime(1000);
      for (let i = 1; i <= 5; i++) a.handle.update(ctx(i));
      b.handle.update(ctx(1));
      expect(sent(b.frame)).toEqual([payload(0), payload(1)]);
    });

    it('answers fetch-info at once even while a push is held back, and skips the duplicate', () => {
      const { frame, handle } = open();
      handle.update(ctx(0));
      handle.loaded();
      vi.advanceTimersByTime(1000);
      handle.update(ctx(1)); // leading push
      handle.update(ctx(2)); // held back
      ask(frame); // answered now with the latest
      expect(sent(frame)).toEqual([payload(0), payload(1), payload(2)]);
      vi.advanceTimersByTime(1000);
      expect(frame.posted).toHaveLength(3);
    });

    it('drops a held-back push when the frame reloads (the load post carries the latest)', () => {
      const { frame, handle } = open();
      handle.update(ctx(0));
      handle.loaded();
      vi.advanceTimersByTime(1000);
      handle.update(ctx(1));
      handle.update(ctx(2));
      handle.loaded();
      vi.advanceTimersByTime(1000);
      expect(sent(frame)).toEqual([payload(0), payload(1), payload(2)]);
    });
  });

  describe('data.reason', () => {
    it('says why each context was sent: load, fetch-info, or what changed', () => {
      const { frame, handle } = open();
      handle.update({ ...ctx(1), reason: 'message.created' });
      handle.loaded();
      ask(frame);
      vi.advanceTimersByTime(1000);
      handle.update({ ...ctx(2), reason: 'message.created' });
      vi.advanceTimersByTime(1000);
      handle.update({ ...ctx(3), reason: 'contact.updated' });
      vi.advanceTimersByTime(1000);
      handle.update({ ...ctx(4), reason: 'theme' });
      expect(reasons(frame)).toEqual([
        'load',
        'fetch-info',
        'message.created',
        'contact.updated',
        'theme',
      ]);
    });

    it('keeps the rest of the posted string as it was built', () => {
      const { frame, handle } = open();
      handle.update(ctx(1));
      handle.loaded();
      expect(frame.posted[0]?.message).toBe(
        '{"event":"appContext","data":{"n":1,"reason":"load"}}',
      );
    });
  });
});
