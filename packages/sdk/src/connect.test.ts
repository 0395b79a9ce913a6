import { afterEach, describe, expect, it, vi } from 'vitest';
import { connect, FetchContextTimeoutError, isInsideDashboard, isPageContext } from './index';
import type { AppContextData } from './index';

type Listener = (event: MessageEvent) => void;

/** The bits of Window that connect() uses, with a distinct parent. */
function fakeWindows() {
  const listeners = new Set<Listener>();
  const posted: { message: unknown; targetOrigin: string }[] = [];
  const parent = {
    postMessage: (message: unknown, targetOrigin: string) => {
      if (targetOrigin !== '*' && !/^https?:\/\/[^/]+$/.test(targetOrigin)) {
        throw new SyntaxError('Invalid target origin');
      }
      posted.push({ message, targetOrigin });
    },
  };
  const win = {
    parent,
    addEventListener: (_type: string, listener: Listener) => listeners.add(listener),
    removeEventListener: (_type: string, listener: Listener) => listeners.delete(listener),
  };
  const deliver = (data: unknown, source: unknown = parent, origin = 'https://dash.example') => {
    const event = { data, source, origin } as unknown as MessageEvent;
    for (const listener of [...listeners]) listener(event);
  };
  return { win: win as unknown as Window, parent, posted, deliver, listeners };
}

function contextJson(marker: string, extra: Record<string, unknown> = {}): string {
  return JSON.stringify({
    event: 'appContext',
    data: {
      conversation: { id: 1, messages: [] },
      contact: { id: 2, name: 'Sarah' },
      currentAgent: { id: 3, name: 'Layla', email: 'l@example.com' },
      marker,
      ...extra,
    },
  });
}

const marker = (context: AppContextData | null) =>
  (context as unknown as { marker?: string } | null)?.marker;

afterEach(() => {
  vi.useRealTimers();
});

describe('connect()', () => {
  it('delivers appContext strings from the parent to onContext and the context getter', () => {
    const { win, deliver } = fakeWindows();
    const connection = connect({ window: win });
    const seen: string[] = [];
    connection.onContext((context) => seen.push(marker(context) ?? '?'));
    expect(connection.context).toBeNull();
    deliver(contextJson('a'));
    deliver(contextJson('b'));
    expect(seen).toEqual(['a', 'b']);
    expect(marker(connection.context)).toBe('b');
  });

  it('ignores everything that is not an appContext JSON string', () => {
    const { win, deliver } = fakeWindows();
    const connection = connect({ window: win });
    const callback = vi.fn();
    connection.onContext(callback);
    const valid = JSON.parse(contextJson('object')) as unknown;
    for (const data of [
      valid, // an object, not a string
      'not json',
      '',
      42,
      null,
      undefined,
      ['appContext'],
      'bevatel-dashboard-app:fetch-info',
      JSON.stringify({ event: 'appcontext', data: (valid as { data: unknown }).data }),
      JSON.stringify({ event: 'bevatel-dashboard-app:ready', data: {} }),
      JSON.stringify({ event: 'appContext' }),
      JSON.stringify({ event: 'appContext', data: { conversation: {}, contact: {} } }),
      JSON.stringify({
        event: 'appContext',
        data: { conversation: {}, contact: [], currentAgent: {} },
      }),
      JSON.stringify({
        event: 'appContext',
        data: { conversation: null, contact: {}, currentAgent: {} },
      }),
      JSON.stringify([{ event: 'appContext' }]),
      'null',
    ]) {
      deliver(data);
    }
    expect(callback).not.toHaveBeenCalled();
    expect(connection.context).toBeNull();
  });

  it('ignores messages whose source is not window.parent', () => {
    const { win, deliver } = fakeWindows();
    const connection = connect({ window: win });
    const callback = vi.fn();
    connection.onContext(callback);
    deliver(contextJson('sibling'), {});
    deliver(contextJson('self'), win);
    deliver(contextJson('none'), null);
    expect(callback).not.toHaveBeenCalled();
  });

  it('ignores a window that is its own parent (not framed)', () => {
    const { win, deliver } = fakeWindows();
    (win as unknown as { parent: unknown }).parent = win;
    const callback = vi.fn();
    connect({ window: win }).onContext(callback);
    deliver(contextJson('self'), win);
    expect(callback).not.toHaveBeenCalled();
  });

  it('with trustedOrigins, ignores other origins', () => {
    const { win, deliver } = fakeWindows();
    const connection = connect({ window: win, trustedOrigins: ['https://dash.example'] });
    const seen: string[] = [];
    connection.onContext((context) => seen.push(marker(context) ?? '?'));
    deliver(contextJson('evil'), undefined, 'https://evil.example');
    deliver(contextJson('good'), undefined, 'https://dash.example');
    expect(seen).toEqual(['good']);
  });

  it('replays the latest context to a late subscriber asynchronously, once', async () => {
    const { win, deliver } = fakeWindows();
    const connection = connect({ window: win });
    deliver(contextJson('first'));
    const seen: string[] = [];
    connection.onContext((context) => seen.push(marker(context) ?? '?'));
    expect(seen).toEqual([]);
    await Promise.resolve();
    expect(seen).toEqual(['first']);
    deliver(contextJson('second'));
    expect(seen).toEqual(['first', 'second']);
  });

  it('does not replay to a subscriber that got a newer context or unsubscribed', async () => {
    const { win, deliver } = fakeWindows();
    const connection = connect({ window: win });
    deliver(contextJson('first'));
    const seen: string[] = [];
    connection.onContext((context) => seen.push(marker(context) ?? '?'));
    const gone = vi.fn();
    connection.onContext(gone)();
    deliver(contextJson('second'));
    await Promise.resolve();
    expect(seen).toEqual(['second']);
    expect(gone).not.toHaveBeenCalled();
  });

  it('keeps delivering when a subscriber throws', () => {
    vi.useFakeTimers();
    const { win, deliver } = fakeWindows();
    const connection = connect({ window: win });
    const after = vi.fn();
    connection.onContext(() => {
      throw new Error('app bug');
    });
    connection.onContext(after);
    deliver(contextJson('a'));
    expect(after).toHaveBeenCalledTimes(1);
    expect(() => vi.runAllTimers()).toThrow('app bug');
  });

  it('fetchContext posts the bare fetch-info string and resolves with the next context', async () => {
    const { win, deliver, posted } = fakeWindows();
    const connection = connect({ window: win });
    const pending = connection.fetchContext();
    expect(posted).toEqual([{ message: 'bevatel-dashboard-app:fetch-info', targetOrigin: '*' }]);
    deliver('garbage');
    deliver(contextJson('answer'));
    expect(marker(await pending)).toBe('answer');
  });

  it('posts fetch-info to the single trusted origin, or to targetOrigin when given', () => {
    const one = fakeWindows();
    void connect({ window: one.win, trustedOrigins: ['https://dash.example'] }).fetchContext();
    expect(one.posted[0]?.targetOrigin).toBe('https://dash.example');
    const two = fakeWindows();
    void connect({ window: two.win, trustedOrigins: ['https://a.example', 'https://b.example'] })
      .fetchContext()
      .catch(() => undefined);
    expect(two.posted[0]?.targetOrigin).toBe('*');
    const three = fakeWindows();
    void connect({
      window: three.win,
      trustedOrigins: ['https://a.example'],
      targetOrigin: 'https://c.example',
    }).fetchContext();
    expect(three.posted[0]?.targetOrigin).toBe('https://c.example');
  });

  it('rejects with FetchContextTimeoutError when nobody answers', async () => {
    vi.useFakeTimers();
    const { win } = fakeWindows();
    const pending = connect({ window: win }).fetchContext({ timeoutMs: 250 });
    const assertion = expect(pending).rejects.toMatchObject({
      name: 'FetchContextTimeoutError',
      code: 'TIMEOUT',
      timeoutMs: 250,
    });
    vi.advanceTimersByTime(250);
    await assertion;
    await pending.catch((error: unknown) => {
      expect(error).toBeInstanceOf(FetchContextTimeoutError);
      expect(error).toBeInstanceOf(Error);
    });
  });

  it('rejects at once on an invalid targetOrigin', async () => {
    const { win } = fakeWindows();
    await expect(
      connect({ window: win, targetOrigin: 'not an origin' }).fetchContext(),
    ).rejects.toBeInstanceOf(SyntaxError);
  });

  it('disconnect() stops listening and rejects pending requests', async () => {
    const { win, deliver, listeners } = fakeWindows();
    const connection = connect({ window: win });
    const callback = vi.fn();
    connection.onContext(callback);
    const pending = connection.fetchContext();
    connection.disconnect();
    await expect(pending).rejects.toThrow('closed');
    expect(listeners.size).toBe(0);
    deliver(contextJson('late'));
    expect(callback).not.toHaveBeenCalled();
    await expect(connection.fetchContext()).rejects.toThrow('closed');
    connection.disconnect();
  });

  it('throws without a window, and isInsideDashboard() is false outside a browser', () => {
    expect(() => connect()).toThrow('browser window');
    expect(isInsideDashboard()).toBe(false);
  });
});

describe('connect() on the contact page and the full page', () => {
  const pageJson = (location: string, contact: unknown) =>
    JSON.stringify({
      event: 'appContext',
      data: {
        conversation: null,
        contact,
        conversations: [{ id: 7 }],
        currentAgent: { id: 3, name: 'Layla', email: 'l@example.com' },
        location,
      },
    });

  it('delivers contexts without a conversation only to apps that asked for pages', () => {
    const { win, deliver } = fakeWindows();
    const beside = connect({ window: win });
    const pages = connect({ window: win, pages: true });
    const seen: string[] = [];
    pages.onContext((context) =>
      seen.push(isPageContext(context) ? `page:${context.location}` : `conversation`),
    );
    deliver(pageJson('contact.page', { id: 2, name: 'Sarah' }));
    deliver(pageJson('navigation.page', null));
    deliver(contextJson('c'));
    expect(seen).toEqual(['page:contact.page', 'page:navigation.page', 'conversation']);
    expect(marker(beside.context)).toBe('c');
  });

  it('still refuses a null conversation outside the page locations, or without its lists', () => {
    const { win, deliver } = fakeWindows();
    const pages = connect({ window: win, pages: true });
    deliver(pageJson('conversation.tab', { id: 2 }));
    deliver(pageJson('contact.page', 'Sarah'));
    deliver(
      JSON.stringify({
        event: 'appContext',
        data: { conversation: null, contact: null, currentAgent: {}, location: 'contact.page' },
      }),
    );
    expect(pages.context).toBeNull();
  });
});
