/**
 * The few browser surfaces the bridge touches, narrowed to what it uses so that unit tests can
 * hand it plain fakes instead of a DOM.
 */

/** What the host posts to: an iframe's `contentWindow`. */
export interface MessageTarget {
  postMessage(message: string, targetOrigin: string): void;
}

/** An iframe element as the bridge sees it. */
export interface FrameElement {
  readonly contentWindow: MessageTarget | null;
}

/** The fields of a `message` event the bridge reads; never trusted. */
export interface InboundMessage {
  readonly data: unknown;
  readonly origin: string;
  readonly source: unknown;
}

export type InboundListener = (event: InboundMessage) => void;

/** The dashboard's window: where the one `message` listener lives. */
export interface HostWindow {
  addEventListener(type: 'message', listener: InboundListener): void;
  removeEventListener(type: 'message', listener: InboundListener): void;
}

/** Timer functions, injectable so the throttle can be tested with fake clocks. */
export interface Clock {
  now(): number;
  setTimeout(callback: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

export const systemClock: Clock = {
  now: () => Date.now(),
  setTimeout: (callback, ms) => globalThis.setTimeout(callback, ms),
  clearTimeout: (handle) => globalThis.clearTimeout(handle as ReturnType<typeof setTimeout>),
};
