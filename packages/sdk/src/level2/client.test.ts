import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  connect,
  ConflictError,
  DashboardAppRequestError,
  PermissionDeniedError,
  RequestTimeoutError,
} from '../index';

type Listener = (event: MessageEvent) => void;
const DASHBOARD = 'https://dash.example';

interface Sent {
  event: string;
  data: Record<string, unknown> & { id?: string; method?: string; params?: unknown };
}

function fakeHost() {
  const listeners = new Set<Listener>();
  const sent: Sent[] = [];
  const targets: string[] = [];
  const parent = {
    postMessage: (message: string, targetOrigin: string) => {
      targets.push(targetOrigin);
      sent.push(JSON.parse(message) as Sent);
    },
  };
  const win = {
    parent,
    addEventListener: (_t: string, listener: Listener) => listeners.add(listener),
    removeEventListener: (_t: string, listener: Listener) => listeners.delete(listener),
  } as unknown as Window;
  const deliver = (event: string, data: unknown, source: unknown = parent, origin = DASHBOARD) => {
    const message = {
      data: JSON.stringify({ event, data }),
      source,
      origin,
    } as unknown as MessageEvent;
    for (const listener of [...listeners]) listener(message);
  };
  const context = (id: number, extra: Record<string, unknown> = {}) => ({
    conversation: { id, messages: [] },
    contact: { id: 2 },
    currentAgent: { id: 3, name: 'Omar', email: 'o@x' },
    ...extra,
  });
  const ready = (permissions: string[] = ['labels:write'], id = 7) =>
    deliver('bevatel-dashboard-app:ready', {
      protocol: 2,
      methods: [],
      events: [],
      permissions,
      subscribed: [],
      location: 'conversation.tab',
      locale: 'en',
      dir: 'ltr',
      theme: 'light',
      context: context(id),
    });
  const respond = (id: string, body: { result?: unknown; error?: unknown }) =>
    deliver('bevatel-dashboard-app:response', { id, ...body });
  const last = (event: string) => sent.filter((m) => m.event === event).at(-1)!;
  return { win, sent, targets, deliver, ready, respond, last, context, listeners };
}

async function connected(host = fakeHost(), subscribe: string[] = []) {
  const pending = connect({
    protocol: 2,
    window: host.win,
    trustedOrigins: [DASHBOARD],
    subscribe: subscribe as never,
  });
  host.ready();
  const app = await pending;
  return { host, app };
}

afterEach(() => vi.useRealTimers());

describe('connect({protocol: 2})', () => {
  it('says hello to the trusted origin with its subscriptions, and resolves on ready', async () => {
    const { host, app } = await connected(fakeHost(), ['message.created']);
    expect(host.sent[0]).toEqual({
      event: 'bevatel-dashboard-app:hello',
      data: { protocol: 2, sdk: expect.any(String), subscribe: ['message.created'] },
    });
    expect(host.targets).toEqual([DASHBOARD]);
    expect(app.context.conversation?.id).toBe(7);
    expect(app.location).toBe('conversation.tab');
    expect(app.can('labels:write')).toBe(true);
    expect(app.can('ui')).toBe(false);
  });

  it('ignores a ready from another window or origin, and times out without one', async () => {
    vi.useFakeTimers();
    const host = fakeHost();
    const pending = connect({
      protocol: 2,
      window: host.win,
      trustedOrigins: [DASHBOARD],
      timeoutMs: 1000,
    });
    host.deliver('bevatel-dashboard-app:ready', { protocol: 2, context: {} }, {}, DASHBOARD);
    host.deliver(
      'bevatel-dashboard-app:ready',
      { protocol: 2, context: {} },
      undefined,
      'https://evil.example',
    );
    const failure = expect(pending).rejects.toBeInstanceOf(RequestTimeoutError);
    await vi.advanceTimersByTimeAsync(1000);
    await failure;
    expect(host.listeners.size).toBe(0);
  });

  it('sends typed requests with ids and the conversation in view, and resolves their results', async () => {
    const { host, app } = await connected();
    const added = app.labels.add('refund-requested');
    const request = host.last('bevatel-dashboard-app:request');
    expect(request.data).toMatchObject({
      method: 'labels.add',
      params: { labels: ['refund-requested'] },
      conversation_id: 7,
    });
    host.respond(request.data.id!, { result: { labels: ['refund-requested'] } });
    await expect(added).resolves.toEqual({ labels: ['refund-requested'] });

    const calls: [() => Promise<unknown>, string, unknown][] = [
      [
        () => app.composer.insert('Hi', { mode: 'append', target: 'note' }),
        'composer.insert',
        { text: 'Hi', mode: 'append', target: 'note' },
      ],
      [() => app.notes.create('Note'), 'note.create', { content: 'Note' }],
      [() => app.labels.remove(['a', 'b']), 'labels.remove', { labels: ['a', 'b'] }],
      [
        () => app.conversation.setStatus('snoozed', { snoozedUntil: 5 }),
        'conversation.status.set',
        { status: 'snoozed', snoozed_until: 5 },
      ],
      [() => app.conversation.setPriority(null), 'conversation.priority.set', { priority: null }],
      [() => app.conversation.assign({ team_id: 2 }), 'conversation.assign', { team_id: 2 }],
      [
        () => app.conversation.setAttributes({ a: 1 }),
        'conversation.attributes.set',
        { attributes: { a: 1 } },
      ],
      [
        () => app.contact.setAttributes({ b: 2 }),
        'contact.attributes.set',
        { attributes: { b: 2 } },
      ],
      [() => app.ui.notify('Saved', 'success'), 'ui.notify', { message: 'Saved', kind: 'success' }],
      [() => app.ui.resize(300), 'ui.resize', { height: 300 }],
      [() => app.ui.openUrl('https://x.example'), 'ui.openUrl', { url: 'https://x.example' }],
      [
        () => app.ui.openModal({ url: '/m', title: 'M' }),
        'ui.modal.open',
        { url: '/m', title: 'M' },
      ],
      [() => app.ui.closeModal(), 'ui.modal.close', {}],
      [() => app.getContext(), 'context.get', {}],
      [() => app.getToken(), 'token.get', {}],
    ];
    for (const [make, method, params] of calls) {
      const promise = make();
      const sent = host.last('bevatel-dashboard-app:request');
      expect(sent.data, method).toMatchObject({ method, params });
      host.respond(sent.data.id!, { result: { ok: method } });
      await expect(promise).resolves.toEqual({ ok: method });
    }
    const ids = host.sent
      .filter((m) => m.event === 'bevatel-dashboard-app:request')
      .map((m) => m.data.id);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('rejects with the typed error of the code, and on its own timeout', async () => {
    vi.useFakeTimers();
    const { host, app } = await connected();
    const denied = app.labels.add('x');
    host.respond(host.last('bevatel-dashboard-app:request').data.id!, {
      error: { code: 'permission_denied', message: 'labels.add needs labels:write' },
    });
    const error = await denied.catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PermissionDeniedError);
    expect(error).toBeInstanceOf(DashboardAppRequestError);
    expect(error).toMatchObject({
      code: 'permission_denied',
      method: 'labels.add',
      name: 'PermissionDeniedError',
    });
    const conflict = app.ui.notify('x');
    host.respond(host.last('bevatel-dashboard-app:request').data.id!, {
      error: { code: 'conflict', message: 'moved' },
    });
    await expect(conflict).rejects.toBeInstanceOf(ConflictError);
    const odd = app.ui.notify('x');
    host.respond(host.last('bevatel-dashboard-app:request').data.id!, {
      error: { code: 'weird', message: 'x' },
    });
    await expect(odd).rejects.toMatchObject({ code: 'internal' });
    const slow = app.notes.create('x', { timeoutMs: 300 });
    const failure = expect(slow).rejects.toMatchObject({
      code: 'timeout',
      name: 'RequestTimeoutError',
    });
    await vi.advanceTimersByTimeAsync(300);
    await failure;
  });

  it('delivers subscribed events, subscribing with a new hello when asked for more', async () => {
    const { host, app } = await connected();
    const seen: unknown[] = [];
    app.on('message.created', (payload) => seen.push(payload.message.id));
    expect(host.last('bevatel-dashboard-app:hello').data.subscribe).toEqual(['message.created']);
    host.deliver('bevatel-dashboard-app:event', {
      name: 'message.created',
      payload: { message: { id: 9 } },
    });
    host.deliver('bevatel-dashboard-app:event', {
      name: 'theme.changed',
      payload: { theme: 'dark' },
    });
    expect(seen).toEqual([9]);
    host.deliver('bevatel-dashboard-app:event', {
      name: 'conversation.changed',
      payload: { context: host.context(8) },
    });
    expect(app.context.conversation?.id).toBe(8);
  });

  it('answers composer.beforeSend with the first objection, or allow', async () => {
    const { host, app } = await connected();
    const stop = app.onBeforeSend((draft) =>
      draft.text.includes('#') ? undefined : { allow: false, reason: 'Add the order number' },
    );
    app.onBeforeSend(() => true);
    expect(host.last('bevatel-dashboard-app:hello').data.subscribe).toEqual([
      'composer.beforeSend',
    ]);
    host.deliver('bevatel-dashboard-app:event', {
      name: 'composer.beforeSend',
      id: 'h1',
      payload: { text: 'Refund issued', kind: 'reply' },
    });
    await vi.waitFor(() => expect(host.last('bevatel-dashboard-app:response')).toBeDefined());
    expect(host.last('bevatel-dashboard-app:response').data).toEqual({
      id: 'h1',
      result: { allow: false, reason: 'Add the order number' },
    });
    stop();
    host.deliver('bevatel-dashboard-app:event', {
      name: 'composer.beforeSend',
      id: 'h2',
      payload: { text: 'Refund issued', kind: 'reply' },
    });
    await vi.waitFor(() => expect(host.last('bevatel-dashboard-app:response').data.id).toBe('h2'));
    expect(host.last('bevatel-dashboard-app:response').data).toEqual({
      id: 'h2',
      result: { allow: true },
    });
  });

  it('after a reload of its frame (context reason load) says hello again and holds requests until ready', async () => {
    const { host, app } = await connected();
    host.deliver('appContext', host.context(7, { reason: 'load' }));
    await vi.waitFor(() =>
      expect(host.sent.filter((m) => m.event === 'bevatel-dashboard-app:hello')).toHaveLength(2),
    );
    const held = app.notes.create('held');
    expect(host.sent.filter((m) => m.event === 'bevatel-dashboard-app:request')).toHaveLength(0);
    host.ready();
    const request = host.last('bevatel-dashboard-app:request');
    expect(request.data.method).toBe('note.create');
    host.respond(request.data.id!, { result: { message: { id: 1 } } });
    await expect(held).resolves.toEqual({ message: { id: 1 } });
  });

  it('rejects pending requests when disconnected, and refuses new ones', async () => {
    const { app } = await connected();
    const pending = app.notes.create('x');
    app.disconnect();
    await expect(pending).rejects.toBeInstanceOf(DashboardAppRequestError);
    await expect(app.notes.create('y')).rejects.toMatchObject({ code: 'internal' });
  });

  it('keeps level 1 as it was: connect() without protocol is the appContext connection', () => {
    const host = fakeHost();
    const level1 = connect({ window: host.win });
    expect(level1).not.toBeInstanceOf(Promise);
    expect(typeof level1.fetchContext).toBe('function');
    expect(host.sent).toEqual([]);
  });
});
