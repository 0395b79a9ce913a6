/**
 * The level-2 client (PROTOCOL.md): hello → ready, typed requests with ids and timeouts,
 * events, and the composer.beforeSend check. Built on the level-1 connection, which keeps
 * receiving the appContext pushes.
 */
import {
  encodeHello,
  encodeRequest,
  encodeResponse,
  parseHostMessage,
  type AnyAppContextData,
  type AppEventName,
  type AppMethod,
  type BeforeSendAnswer,
  type EventData,
  type ReadyData,
} from '@bevatel/protocol';
import { connect as connectLevel1 } from '../connect';
import { DashboardAppRequestError, requestError, timeoutError } from './errors';
import type {
  BeforeSendHandler,
  DashboardAppClient,
  Draft,
  Level2ConnectOptions,
  RequestOptions,
} from './types';

/** Sent in the hello (the dashboard may log it). */
export const SDK_VERSION = '0.2.0';

interface Pending {
  resolve(result: never): void;
  reject(error: unknown): void;
  timer: ReturnType<typeof setTimeout>;
  method: string;
}

type Handler = (payload: never) => void;

const closed = (method: string) =>
  new DashboardAppRequestError('internal', 'The dashboard app connection was closed', method);

const list = (labels: string | string[]) => (Array.isArray(labels) ? labels : [labels]);

/** The first "no" of the app's checks, or allow. */
async function judge(guards: Set<BeforeSendHandler>, draft: Draft): Promise<BeforeSendAnswer> {
  for (const guard of [...guards]) {
    const verdict = await guard(draft);
    if (verdict === false) return { allow: false };
    if (verdict && typeof verdict === 'object' && verdict.allow === false) {
      return verdict.reason ? { allow: false, reason: verdict.reason } : { allow: false };
    }
  }
  return { allow: true };
}

export function connectLevel2(options: Level2ConnectOptions): Promise<DashboardAppClient> {
  const win = options.window ?? window;
  const base = connectLevel1(options);
  const trusted = options.trustedOrigins;
  const target = options.targetOrigin ?? (trusted?.length === 1 ? trusted[0] : undefined) ?? '*';
  const requestTimeout = options.requestTimeoutMs ?? 10_000;
  const subscribed = new Set<AppEventName>(options.subscribe);
  const handlers = new Map<string, Set<Handler>>();
  const guards = new Set<BeforeSendHandler>();
  const pending = new Map<string, Pending>();
  // Requests wait here until the (new) ready: after a reload the host forgets the hello.
  let queue: (() => void)[] | null = [];
  let ready: ReadyData | null = null;
  let context: AnyAppContextData | null = null;
  let seq = 0;
  let open = true;
  let settle: ((client: DashboardAppClient) => void) | null = null;

  const post = (text: string) => win.parent.postMessage(text, target);
  const hello = (again: boolean) => {
    if (again) queue ??= [];
    post(encodeHello({ protocol: 2, sdk: SDK_VERSION, subscribe: [...subscribed] }));
  };
  const subscribe = (name: AppEventName) => {
    if (subscribed.has(name)) return;
    subscribed.add(name);
    hello(false);
  };

  const request = <M extends AppMethod>(
    method: M,
    params: unknown = {},
    { timeoutMs = requestTimeout }: RequestOptions = {},
  ) =>
    new Promise<never>((resolve, reject) => {
      if (!open) return reject(closed(method));
      seq += 1;
      const id = `r${seq}`;
      const timer = setTimeout(() => {
        pending.delete(id);
        reject(timeoutError(method, timeoutMs));
      }, timeoutMs);
      pending.set(id, { resolve, reject, timer, method });
      const send = () =>
        post(encodeRequest({ id, method, params, conversation_id: context?.conversation?.id }));
      if (queue) queue.push(send);
      else send();
    });

  const emit = (event: EventData) => {
    if (event.name === 'conversation.changed') context = event.payload.context;
    if (event.name === 'composer.beforeSend') {
      const { id } = event;
      if (id) {
        void judge(guards, event.payload)
          .catch((): BeforeSendAnswer => ({ allow: true }))
          .then((result) => open && post(encodeResponse({ id, result })));
      }
      return;
    }
    for (const handler of [...(handlers.get(event.name) ?? [])]) {
      try {
        handler(event.payload as never);
      } catch (error) {
        setTimeout(() => {
          throw error;
        });
      }
    }
  };

  const onMessage = (event: MessageEvent) => {
    if (event.source !== win.parent || (trusted && !trusted.includes(event.origin))) return;
    const message = parseHostMessage(event.data);
    if (!message) return;
    if (message.type === 'ready') {
      ready = message.data;
      context = ready.context;
      const waiting = queue ?? [];
      queue = null;
      for (const send of waiting) send();
      settle?.(client);
      settle = null;
    } else if (message.type === 'response') {
      const entry = pending.get(message.data.id);
      if (!entry) return;
      pending.delete(message.data.id);
      clearTimeout(entry.timer);
      if (message.data.error) entry.reject(requestError(message.data.error, entry.method));
      else entry.resolve(message.data.result as never);
    } else emit(message.data);
  };

  const client: DashboardAppClient = {
    get ready() {
      return ready as ReadyData;
    },
    get context() {
      return context as AnyAppContextData;
    },
    get location() {
      return (ready as ReadyData).location;
    },
    can: (permission) => ready?.permissions.includes(permission) ?? false,
    request: (method, params, requestOptions) => request(method, params, requestOptions),
    getContext: (o) => request('context.get', {}, o),
    getToken: (o) => request('token.get', {}, o),
    composer: {
      insert: (text, { mode, target: into, ...o } = {}) =>
        request(
          'composer.insert',
          { text, ...(mode && { mode }), ...(into && { target: into }) },
          o,
        ),
    },
    notes: { create: (content, o) => request('note.create', { content }, o) },
    labels: {
      add: (labels, o) => request('labels.add', { labels: list(labels) }, o),
      remove: (labels, o) => request('labels.remove', { labels: list(labels) }, o),
    },
    conversation: {
      setAttributes: (attributes, o) => request('conversation.attributes.set', { attributes }, o),
      setStatus: (status, { snoozedUntil, ...o } = {}) =>
        request(
          'conversation.status.set',
          snoozedUntil === undefined ? { status } : { status, snoozed_until: snoozedUntil },
          o,
        ),
      setPriority: (priority, o) => request('conversation.priority.set', { priority }, o),
      assign: (to, o) => request('conversation.assign', to, o),
    },
    contact: {
      setAttributes: (attributes, o) => request('contact.attributes.set', { attributes }, o),
    },
    ui: {
      notify: (message, kind, o) => request('ui.notify', kind ? { message, kind } : { message }, o),
      resize: (height, o) => request('ui.resize', { height }, o),
      openUrl: (url, o) => request('ui.openUrl', { url }, o),
      openModal: (modal, o) => request('ui.modal.open', modal, o),
      closeModal: (o) => request('ui.modal.close', {}, o),
    },
    on(name, handler) {
      const set = handlers.get(name) ?? new Set<Handler>();
      set.add(handler as Handler);
      handlers.set(name, set);
      subscribe(name);
      return () => void set.delete(handler as Handler);
    },
    onContext: (handler) => base.onContext(handler),
    onBeforeSend(handler) {
      guards.add(handler);
      subscribe('composer.beforeSend');
      return () => void guards.delete(handler);
    },
    disconnect() {
      if (!open) return;
      open = false;
      win.removeEventListener('message', onMessage);
      base.disconnect();
      for (const entry of pending.values()) {
        clearTimeout(entry.timer);
        entry.reject(closed(entry.method));
      }
      pending.clear();
    },
  };

  // A newer context than the ready's; and after a reload (reason "load"), a new hello.
  base.onContext((next) => {
    context = next;
    if (next.reason === 'load') hello(true);
  });
  win.addEventListener('message', onMessage);

  return new Promise((resolve, reject) => {
    const timeoutMs = options.timeoutMs ?? 5_000;
    const timer = setTimeout(() => {
      client.disconnect();
      reject(timeoutError('connect', timeoutMs));
    }, timeoutMs);
    settle = (connected) => {
      clearTimeout(timer);
      resolve(connected);
    };
    hello(false);
  });
}
