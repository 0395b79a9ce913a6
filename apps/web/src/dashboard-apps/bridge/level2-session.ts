/**
 * The level-2 side of one frame's document: its hello, what it subscribed to, the requests it
 * sent and the blocking events it was asked. A new document (every `load`) starts a new
 * session: level 2 is opt-in per document, and nothing but appContext reaches a document that
 * has not said hello.
 */
import {
  encodeEvent,
  encodeReady,
  encodeResponse,
  isAppEventName,
  type AppContextData,
  type AppEventName,
  type AppEventPayloads,
  type EventData,
  type HelloData,
  type ReadyData,
  type RequestData,
  type ResponseData,
} from '@bevatel/protocol';
import type { Clock } from './types';

/** What the host tells a frame in `ready`, apart from the context and the subscriptions. */
export type ReadyDescription = Omit<ReadyData, 'context' | 'subscribed'>;

/** The host's level-2 services for one frame (the request router and what `ready` says). */
export interface Level2Delegate {
  describe(): ReadyDescription;
  /** Answers one request; never rejects (errors are responses too). */
  request(request: RequestData, conversationKey: string): Promise<ResponseData>;
  /** The frame's document said hello (again): what it subscribed to. */
  onHello?(subscribed: ReadonlySet<AppEventName>): void;
}

/** The outcome of asking a frame a blocking question. */
export type AskOutcome =
  | { asked: false }
  | { asked: true; answered: true; result: unknown }
  | { asked: true; answered: false };

interface PendingAsk {
  resolve(outcome: AskOutcome): void;
  timer: unknown;
}

export interface Level2Session {
  readonly subscribed: ReadonlySet<AppEventName>;
  hello(data: HelloData, context: AppContextData | null): void;
  /** The context became available: answer a hello that came before it. */
  contextReady(context: AppContextData): void;
  request(data: RequestData, conversationKey: string): void;
  response(data: ResponseData): void;
  emit(event: EventData): boolean;
  ask<N extends AppEventName>(
    name: N,
    payload: AppEventPayloads[N],
    timeoutMs: number,
  ): Promise<AskOutcome>;
  /** The document is gone (reload, navigation, unregister): forget everything. */
  end(): void;
}

let askSeq = 0;

export function createLevel2Session(
  delegate: Level2Delegate,
  post: (message: string) => boolean,
  clock: Clock,
): Level2Session {
  let subscribed = new Set<AppEventName>();
  let said = false;
  let readyOwed = false;
  let ended = false;
  const asks = new Map<string, PendingAsk>();

  const sendReady = (context: AppContextData): void => {
    readyOwed = false;
    const ready: ReadyData = { ...delegate.describe(), subscribed: [...subscribed], context };
    post(encodeReady(ready));
  };

  return {
    get subscribed() {
      return subscribed;
    },
    hello(data, context) {
      if (ended) return;
      said = true;
      // Each hello replaces the subscriptions: the app says what it wants now.
      subscribed = new Set((data.subscribe ?? []).filter(isAppEventName));
      delegate.onHello?.(subscribed);
      if (context) sendReady(context);
      else readyOwed = true;
    },
    contextReady(context) {
      if (!ended && readyOwed) sendReady(context);
    },
    request(data, conversationKey) {
      // A document that never said hello is a level-1 app: it gets nothing but appContext.
      if (ended || !said) return;
      void delegate.request(data, conversationKey).then((response) => {
        if (!ended) post(encodeResponse(response));
      });
    },
    response(data) {
      const pending = asks.get(data.id);
      if (!pending) return;
      asks.delete(data.id);
      clock.clearTimeout(pending.timer);
      pending.resolve({
        asked: true,
        answered: true,
        result: data.error ? undefined : data.result,
      });
    },
    emit(event) {
      if (ended || !said || !subscribed.has(event.name)) return false;
      return post(encodeEvent(event));
    },
    ask(name, payload, timeoutMs) {
      if (ended || !said || !subscribed.has(name)) return Promise.resolve({ asked: false });
      askSeq += 1;
      const id = `host-${askSeq}`;
      return new Promise((resolve) => {
        const timer = clock.setTimeout(() => {
          asks.delete(id);
          resolve({ asked: true, answered: false });
        }, timeoutMs);
        asks.set(id, { resolve, timer });
        if (!post(encodeEvent({ name, payload, id } as EventData))) {
          clock.clearTimeout(timer);
          asks.delete(id);
          resolve({ asked: true, answered: false });
        }
      });
    },
    end() {
      if (ended) return;
      ended = true;
      for (const pending of asks.values()) {
        clock.clearTimeout(pending.timer);
        pending.resolve({ asked: true, answered: false });
      }
      asks.clear();
    },
  };
}
