/** Fakes of the browser surfaces of `types.ts`, for unit tests. */
import type {
  FrameElement,
  HostWindow,
  InboundListener,
  InboundMessage,
  MessageTarget,
} from './types';

export interface Posted {
  message: string;
  targetOrigin: string;
}

/** An iframe's window: records what was posted to it. */
export class FakeContentWindow implements MessageTarget {
  readonly posted: Posted[] = [];
  postMessage(message: string, targetOrigin: string): void {
    this.posted.push({ message, targetOrigin });
  }
}

export class FakeFrame implements FrameElement {
  contentWindow: FakeContentWindow | null = new FakeContentWindow();
  get posted(): Posted[] {
    return this.contentWindow?.posted ?? [];
  }
}

export class FakeHostWindow implements HostWindow {
  readonly listeners = new Set<InboundListener>();
  addEventListener(_type: 'message', listener: InboundListener): void {
    this.listeners.add(listener);
  }
  removeEventListener(_type: 'message', listener: InboundListener): void {
    this.listeners.delete(listener);
  }
  /** Delivers a message event as the browser would, to every listener. */
  dispatch(event: InboundMessage): void {
    for (const listener of this.listeners) listener(event);
  }
}
