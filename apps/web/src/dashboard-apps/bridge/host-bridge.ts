import {
  MAX_CONTEXT_PUSHES_PER_SECOND,
  MAX_INBOUND_MESSAGE_LENGTH,
  isFetchInfoRequest,
  parseAppMessage,
  withContextReason,
  type AppContextData,
  type AppEventName,
  type AppEventPayloads,
  type ContextReason,
  type EventData,
} from '@bevatel/protocol';
import {
  createLevel2Session,
  type AskOutcome,
  type Level2Delegate,
  type Level2Session,
} from './level2-session';
import { createThrottle } from './throttle';
import {
  systemClock,
  type Clock,
  type FrameElement,
  type HostWindow,
  type InboundMessage,
} from './types';

/** One iframe of one app, shown for one conversation. */
export interface FrameRegistration {
  appId: number;
  /** Origin of the app's registered URL (see `embeddableOrigin`): the only one posted to. */
  origin: string;
  frame: FrameElement;
  /** The conversation the frame is for; context for any other one is never posted. */
  conversationKey: string;
  /** The host's level-2 services; without them a hello is ignored (the frame stays level 1). */
  level2?: Level2Delegate;
}

/** The serialized appContext for one conversation, as `useAppContextPayload` builds it. */
export interface FrameContext {
  conversationKey: string;
  payload: string;
  /** What changed since the previous context (sent as `data.reason` when pushed unasked). */
  reason?: ContextReason;
  /** The level-2 events of that same change, for the frames that subscribed to them. */
  events?: readonly EventData[];
}

export interface FrameHandle {
  /** The iframe fired `load`: post the context at once (or as soon as it exists). */
  loaded(): void;
  /** The context changed (or is not ready: null); pushed unasked, throttled, if it differs. */
  update(context: FrameContext | null): void;
  /**
   * The frame now serves another conversation (a level-2 app that handles switches itself):
   * it gets `conversation.changed` and the new context once that exists, nothing before.
   */
  retarget(conversationKey: string): void;
  /** Sends an event if the frame's document subscribed to it; whether it was sent. */
  emit(event: EventData): boolean;
  /** Asks a blocking question (composer.beforeSend) of a subscribed document. */
  ask<N extends AppEventName>(
    name: N,
    payload: AppEventPayloads[N],
    timeoutMs: number,
  ): Promise<AskOutcome>;
  /** What the current document subscribed to (empty before its hello). */
  subscriptions(): ReadonlySet<AppEventName>;
  unregister(): void;
}

export interface HostBridge {
  register(registration: FrameRegistration): FrameHandle;
  /** How many frames are registered (diagnostics and tests). */
  size(): number;
}

export interface HostBridgeOptions {
  clock?: Clock;
}

interface Entry {
  registration: FrameRegistration;
  fetchInfo(): void;
  level2(text: string): void;
}

const PUSH_INTERVAL_MS = Math.ceil(1000 / MAX_CONTEXT_PUSHES_PER_SECOND);
const NO_SUBSCRIPTIONS: ReadonlySet<AppEventName> = new Set();

/**
 * The host side of the Dashboard Apps protocol, framework-free. One `message` listener serves
 * every registered frame; it is attached while at least one frame exists.
 *
 * - Level 1: `appContext` JSON strings, each to one frame's `contentWindow` with the app's
 *   registered origin as target (rule 1): a frame that navigated elsewhere gets nothing.
 * - A message is accepted only from a registered frame's own window and the app's origin
 *   (rule 2), as one of the two bare fetch-info strings or a level-2 JSON message; everything
 *   else is dropped without a word or an exception (rule 3).
 * - Level 2, per document: after its hello, the document gets `ready`, answers to its
 *   requests and the events it subscribed to. A document that never said hello gets only
 *   appContext strings (some public apps parse every message as a context).
 */
export function createHostBridge(win: HostWindow, options: HostBridgeOptions = {}): HostBridge {
  const clock = options.clock ?? systemClock;
  const entries = new Set<Entry>();

  const onMessage = (event: InboundMessage): void => {
    try {
      const { data } = event;
      // Cheap checks first: most traffic on a dashboard window is not for us.
      if (typeof data !== 'string' || data.length > MAX_INBOUND_MESSAGE_LENGTH) return;
      const fetchInfo = isFetchInfoRequest(data);
      if (!fetchInfo && !data.startsWith('{"event":"bevatel-dashboard-app:')) return;
      const { source, origin } = event;
      if (source === null || source === undefined) return;
      for (const entry of entries) {
        const { frame, origin: appOrigin } = entry.registration;
        if (frame.contentWindow === source && origin === appOrigin) {
          if (fetchInfo) entry.fetchInfo();
          else entry.level2(data);
          return;
        }
      }
    } catch {
      // Rule 3: a hostile or broken frame must never make the dashboard throw.
    }
  };

  const attach = (): void => {
    if (entries.size === 1) win.addEventListener('message', onMessage);
  };
  const detach = (): void => {
    if (entries.size === 0) win.removeEventListener('message', onMessage);
  };

  return {
    size: () => entries.size,
    register(registration) {
      let conversationKey = registration.conversationKey;
      let context: FrameContext | null = null;
      let contextData: AppContextData | null = null;
      let lastPosted: string | null = null;
      let hasLoaded = false;
      // A load or a request arrived before the context was ready: answer when it is.
      let owed: ContextReason | null = null;
      // Retargeted: the next context is the new conversation's, announced as such.
      let switched = false;
      let active = true;
      let session: Level2Session | null = null;

      const send = (message: string): boolean => {
        const target = registration.frame.contentWindow;
        if (!active || target === null) return false;
        try {
          target.postMessage(message, registration.origin);
        } catch {
          return false;
        }
        return true;
      };
      const postContext = (reason: ContextReason): boolean => {
        if (context === null || !send(withContextReason(context.payload, reason))) return false;
        lastPosted = context.payload;
        return true;
      };
      const answer = (reason: ContextReason): void => {
        if (context === null) owed = reason;
        else {
          owed = null;
          postContext(reason);
        }
      };
      const readData = (): AppContextData | null => {
        if (context === null) return null;
        contextData ??= (JSON.parse(context.payload) as { data: AppContextData }).data;
        return contextData;
      };
      const throttle = createThrottle(
        PUSH_INTERVAL_MS,
        () =>
          hasLoaded && context !== null && context.payload !== lastPosted
            ? postContext(context.reason ?? 'conversation.updated')
            : false,
        clock,
      );
      const newSession = (): Level2Session | null =>
        registration.level2 ? createLevel2Session(registration.level2, send, clock) : null;

      const entry: Entry = {
        registration,
        fetchInfo: () => answer('fetch-info'),
        level2(text) {
          const message = parseAppMessage(text);
          if (!message) return;
          session ??= newSession();
          if (!session) return;
          if (message.type === 'hello') session.hello(message.data, readData());
          else if (message.type === 'request') session.request(message.data, conversationKey);
          else session.response(message.data);
        },
      };
      entries.add(entry);
      attach();

      return {
        loaded() {
          if (!active) return;
          // A reloaded document has seen nothing yet, whatever went to the previous one, and
          // has not said hello. Before the first load there was no previous document: a hello
          // that came then is the loading document's own (an SDK says it at startup).
          if (hasLoaded) {
            session?.end();
            session = null;
          }
          hasLoaded = true;
          lastPosted = null;
          throttle.cancel();
          answer('load');
        },
        update(next) {
          if (!active) return;
          const mine = next !== null && next.conversationKey === conversationKey ? next : null;
          if (mine?.payload !== context?.payload) contextData = null;
          context = mine;
          if (context === null) return;
          if (switched) {
            switched = false;
            const data = readData();
            if (data) session?.emit({ name: 'conversation.changed', payload: { context: data } });
            throttle.cancel();
            if (hasLoaded) postContext('conversation.changed');
            return;
          }
          const data = readData();
          if (data) session?.contextReady(data);
          for (const event of context.events ?? []) session?.emit(event);
          if (owed) answer(owed);
          else if (hasLoaded && context.payload !== lastPosted) throttle.schedule();
        },
        retarget(key) {
          if (!active || key === conversationKey) return;
          conversationKey = key;
          context = null;
          contextData = null;
          switched = true;
          throttle.cancel();
        },
        emit: (event) => session?.emit(event) ?? false,
        ask: (name, payload, timeoutMs) =>
          session ? session.ask(name, payload, timeoutMs) : Promise.resolve({ asked: false }),
        subscriptions: () => session?.subscribed ?? NO_SUBSCRIPTIONS,
        unregister() {
          if (!active) return;
          active = false;
          throttle.cancel();
          session?.end();
          session = null;
          entries.delete(entry);
          detach();
        },
      };
    },
  };
}
