import {
  FETCH_INFO_KEY,
  parseAnyAppContextMessage,
  parseAppContextMessage,
} from '@bevatel/protocol';
import type { AnyAppContextData, AppContextData } from '@bevatel/protocol';
import { FetchContextTimeoutError } from './errors';

export interface ConnectOptions {
  /**
   * Origins of the dashboard you accept context from (e.g. `["https://app.bevatel.com"]`).
   * Without it, context is accepted from whatever page embeds the app as its direct parent.
   */
  trustedOrigins?: string[];
  /**
   * Where fetch-info requests are posted. Default: the single trusted origin if exactly one is
   * given, otherwise `'*'` (only the bare request string is sent, never data).
   */
  targetOrigin?: string;
  /** The window to listen on (tests, or a popup). Default: the global `window`. */
  window?: Window;
  /**
   * Also receive the contexts of the contact page and the full-page app, whose `conversation`
   * is null (`isPageContext()` tells them apart). Without it only contexts beside a
   * conversation are delivered, so code written for those never meets a null conversation.
   */
  pages?: boolean;
}

export interface FetchContextOptions {
  /** How long to wait for the answer. Default 5000 ms. */
  timeoutMs?: number;
}

export interface DashboardAppConnection<Context extends AnyAppContextData = AppContextData> {
  /** The latest context received, or null before the first one. */
  readonly context: Context | null;
  /**
   * Calls `callback` with every context the dashboard sends, and at once (asynchronously) with
   * the latest one if it already arrived. Returns the unsubscribe function.
   */
  onContext(callback: (context: Context) => void): () => void;
  /** Asks the dashboard for the context now and resolves with the next one that arrives. */
  fetchContext(options?: FetchContextOptions): Promise<Context>;
  /** Stops listening; pending `fetchContext()` calls reject. */
  disconnect(): void;
}

interface Subscriber {
  callback: (context: AnyAppContextData) => void;
  delivered: boolean;
}

interface PendingFetch {
  resolve: (context: AnyAppContextData) => void;
  reject: (error: unknown) => void;
  timer: ReturnType<typeof setTimeout>;
}

/** True when the page runs inside a frame, as a dashboard app does. */
export function isInsideDashboard(): boolean {
  return typeof window !== 'undefined' && window.parent !== window;
}

// A throwing callback must not stop the others nor the SDK's listener: report it out of band.
function safeCall(
  callback: (context: AnyAppContextData) => void,
  context: AnyAppContextData,
): void {
  try {
    callback(context);
  } catch (error) {
    setTimeout(() => {
      throw error;
    });
  }
}

/** Starts listening for the dashboard's context at once. */
export function connect(
  options: ConnectOptions & { pages: true },
): DashboardAppConnection<AnyAppContextData>;
export function connect(options?: ConnectOptions): DashboardAppConnection;
export function connect(options: ConnectOptions = {}): DashboardAppConnection<AnyAppContextData> {
  const win = options.window ?? (typeof window === 'undefined' ? undefined : window);
  if (!win) throw new Error('connect() needs a browser window');
  const trusted = options.trustedOrigins;
  const targetOrigin =
    options.targetOrigin ?? (trusted && trusted.length === 1 ? trusted[0] : undefined) ?? '*';
  const subscribers = new Set<Subscriber>();
  const pending = new Set<PendingFetch>();
  let context: AnyAppContextData | null = null;
  const parse = options.pages ? parseAnyAppContextMessage : parseAppContextMessage;
  let connected = true;

  const onMessage = (event: MessageEvent): void => {
    // Only the embedding dashboard speaks for the app: not siblings, popups or the app itself.
    if (event.source !== win.parent || event.source === win) return;
    if (trusted && !trusted.includes(event.origin)) return;
    const parsed = parse(event.data);
    if (!parsed) return;
    const received = parsed.data;
    context = received;
    for (const request of pending) {
      clearTimeout(request.timer);
      request.resolve(received);
    }
    pending.clear();
    for (const subscriber of [...subscribers]) {
      if (!subscribers.has(subscriber)) continue;
      subscriber.delivered = true;
      safeCall(subscriber.callback, received);
    }
  };
  win.addEventListener('message', onMessage);

  return {
    get context() {
      return context;
    },
    onContext(callback) {
      const subscriber: Subscriber = { callback, delivered: false };
      subscribers.add(subscriber);
      if (context) {
        queueMicrotask(() => {
          // Skip the replay if a newer context reached this subscriber in the meantime.
          if (!subscribers.has(subscriber) || subscriber.delivered || !context) return;
          subscriber.delivered = true;
          safeCall(callback, context);
        });
      }
      return () => {
        subscribers.delete(subscriber);
      };
    },
    fetchContext({ timeoutMs = 5000 }: FetchContextOptions = {}) {
      return new Promise<AnyAppContextData>((resolve, reject) => {
        if (!connected) {
          reject(new Error('The dashboard app connection was closed'));
          return;
        }
        const request: PendingFetch = {
          resolve,
          reject,
          timer: setTimeout(() => {
            pending.delete(request);
            reject(new FetchContextTimeoutError(timeoutMs));
          }, timeoutMs),
        };
        pending.add(request);
        try {
          win.parent.postMessage(FETCH_INFO_KEY, targetOrigin);
        } catch (error) {
          // An invalid targetOrigin throws a SyntaxError synchronously.
          clearTimeout(request.timer);
          pending.delete(request);
          reject(error);
        }
      });
    },
    disconnect() {
      if (!connected) return;
      connected = false;
      win.removeEventListener('message', onMessage);
      subscribers.clear();
      for (const request of pending) {
        clearTimeout(request.timer);
        request.reject(new Error('The dashboard app connection was closed'));
      }
      pending.clear();
    },
  };
}
