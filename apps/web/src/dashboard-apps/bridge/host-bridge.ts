import {
  MAX_CONTEXT_PUSHES_PER_SECOND,
  MAX_INBOUND_MESSAGE_LENGTH,
  isFetchInfoRequest,
} from '@bevatel/protocol';
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
  /** The conversation the frame was created for; context for any other one is never posted. */
  conversationKey: string;
}

/** The serialized appContext for one conversation, as `useAppContextPayload` builds it. */
export interface FrameContext {
  conversationKey: string;
  payload: string;
}

export interface FrameHandle {
  /** The iframe fired `load`: post the context at once (or as soon as it exists). */
  loaded(): void;
  /** The context changed (or is not ready: null); pushed unasked, throttled, if it differs. */
  update(context: FrameContext | null): void;
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
  answer(): void;
}

const PUSH_INTERVAL_MS = Math.ceil(1000 / MAX_CONTEXT_PUSHES_PER_SECOND);

/**
 * The host side of level 1 of the Dashboard Apps protocol, framework-free. One `message`
 * listener serves every registered frame; it is attached while at least one frame exists.
 *
 * - Only `appContext` JSON strings are posted, each to one frame's `contentWindow` with the
 *   app's registered origin as target (rule 1): a frame that navigated elsewhere gets nothing.
 * - A request is accepted only from a registered frame's own window and the app's origin, and
 *   only as one of the two bare fetch-info strings (rule 2); everything else is dropped without
 *   a word or an exception (rule 3).
 */
export function createHostBridge(win: HostWindow, options: HostBridgeOptions = {}): HostBridge {
  const clock = options.clock ?? systemClock;
  const entries = new Set<Entry>();

  const onMessage = (event: InboundMessage): void => {
    try {
      const { data } = event;
      // Cheap checks first: most traffic on a dashboard window is not for us.
      if (typeof data !== 'string' || data.length > MAX_INBOUND_MESSAGE_LENGTH) return;
      if (!isFetchInfoRequest(data)) return;
      const { source, origin } = event;
      if (source === null || source === undefined) return;
      for (const entry of entries) {
        const { frame, origin: appOrigin } = entry.registration;
        if (frame.contentWindow === source && origin === appOrigin) {
          entry.answer();
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
      let payload: string | null = null;
      let lastPosted: string | null = null;
      let hasLoaded = false;
      // A load or a request arrived before the context was ready: answer when it is.
      let owed = false;
      let active = true;

      const post = (): boolean => {
        const target = registration.frame.contentWindow;
        if (!active || payload === null || target === null) return false;
        try {
          target.postMessage(payload, registration.origin);
        } catch {
          return false;
        }
        lastPosted = payload;
        return true;
      };
      const answer = (): void => {
        if (payload === null) owed = true;
        else {
          owed = false;
          post();
        }
      };
      const throttle = createThrottle(
        PUSH_INTERVAL_MS,
        () => (hasLoaded && payload !== lastPosted ? post() : false),
        clock,
      );
      const entry: Entry = { registration, answer };
      entries.add(entry);
      attach();

      return {
        loaded() {
          if (!active) return;
          hasLoaded = true;
          // A (re)loaded document has seen nothing yet, whatever went to the previous one.
          lastPosted = null;
          throttle.cancel();
          answer();
        },
        update(context) {
          if (!active) return;
          payload =
            context !== null && context.conversationKey === registration.conversationKey
              ? context.payload
              : null;
          if (payload === null) return;
          if (owed) answer();
          else if (hasLoaded && payload !== lastPosted) throttle.schedule();
        },
        unregister() {
          if (!active) return;
          active = false;
          throttle.cancel();
          entries.delete(entry);
          detach();
        },
      };
    },
  };
}
