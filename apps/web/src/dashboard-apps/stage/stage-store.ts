/**
 * Where app frames live while the agent works through conversations: one record per frame,
 * shown in the slot of its tab panel when there is one, hidden otherwise. An iframe that moves
 * in the DOM reloads, so frames stay in one layer and are placed over their slot; that is what
 * lets a level-2 app that handles switches itself (it subscribed to `conversation.changed`)
 * keep its document when the agent moves to another conversation. Every other frame is
 * dropped with its conversation, as level 1 requires (fresh state per customer).
 */
import type { DashboardApp, DashboardAppLocation } from '@bevatel/protocol';
import type { FrameActions } from '../level2/delegate';

/** A frame's state; the last three are shown as errors with Retry and Open in new tab. */
export type LoadStatus = 'loading' | 'loaded' | 'timeout' | 'unreachable' | 'refused';

export interface StageFrame {
  /** One per app frame (the app, the frame's place in its content, its URL). */
  id: string;
  app: DashboardApp;
  /** The URL as loaded: a URL template filled with this conversation's values. */
  url: string;
  /** A tab or the sidebar beside the conversation. */
  location: DashboardAppLocation;
  accountId: number;
  /** The conversation the frame serves now. */
  displayId: number;
  /** Its document handles switches itself: kept, and moved, when the conversation changes. */
  persistent: boolean;
  /** The element it is shown over; null while it has none (hidden). */
  slot: HTMLElement | null;
  /** Whether its tab is selected. */
  active: boolean;
  actions: FrameActions;
  status: LoadStatus;
  /** Retry makes a new iframe (a new number). */
  attempt: number;
  /**
   * A new record for the same app frame (another conversation claimed it) is a new iframe: its
   * React key changes with this, so no document is carried over to the next customer.
   */
  generation: number;
}

export interface FrameClaim {
  app: DashboardApp;
  index: number;
  url: string;
  /** `conversation.tab` when not given. */
  location?: DashboardAppLocation;
  accountId: number;
  displayId: number;
  actions: FrameActions;
}

type Listener = () => void;

export const frameIdOf = (
  appId: number,
  index: number,
  url: string,
  location: DashboardAppLocation = 'conversation.tab',
) => `${appId}:${index}:${location}:${url}`;

export class StageStore {
  private frames = new Map<string, StageFrame>();
  private snapshot: readonly StageFrame[] = [];
  private listeners = new Set<Listener>();
  private generations = 0;

  readonly subscribe = (listener: Listener): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  readonly list = (): readonly StageFrame[] => this.snapshot;

  get(id: string): StageFrame | undefined {
    return this.frames.get(id);
  }

  /** A tab panel wants this frame: the one already there (moved here if it is persistent). */
  claim(claim: FrameClaim): string {
    const location = claim.location ?? 'conversation.tab';
    const id = frameIdOf(claim.app.id, claim.index, claim.url, location);
    const existing = this.frames.get(id);
    const sameConversation =
      existing?.accountId === claim.accountId && existing.displayId === claim.displayId;
    if (existing && (sameConversation || existing.persistent)) {
      this.set(id, {
        ...existing,
        app: claim.app,
        actions: claim.actions,
        accountId: claim.accountId,
        displayId: claim.displayId,
      });
      return id;
    }
    this.set(id, {
      id,
      app: claim.app,
      url: claim.url,
      location,
      accountId: claim.accountId,
      displayId: claim.displayId,
      persistent: false,
      slot: null,
      active: false,
      actions: claim.actions,
      status: 'loading',
      attempt: 0,
      generation: (this.generations += 1),
    });
    return id;
  }

  attach(id: string, slot: HTMLElement, active: boolean): void {
    const frame = this.frames.get(id);
    if (frame && (frame.slot !== slot || frame.active !== active)) {
      this.set(id, { ...frame, slot, active });
    }
  }

  /** The tab panel is gone: a persistent frame stays (hidden), any other goes with it. */
  release(id: string, slot: HTMLElement | null): void {
    const frame = this.frames.get(id);
    if (!frame || (slot !== null && frame.slot !== slot)) return;
    if (frame.persistent) this.set(id, { ...frame, slot: null, active: false });
    else this.remove(id);
  }

  /** The conversation in view (null: none). Persistent frames follow it; others of other
   * conversations go. */
  showConversation(view: { accountId: number; displayId: number } | null): void {
    for (const frame of [...this.frames.values()]) {
      const here = view && frame.accountId === view.accountId && frame.displayId === view.displayId;
      if (here) continue;
      if (frame.persistent && view && frame.accountId === view.accountId) {
        this.set(frame.id, { ...frame, displayId: view.displayId, slot: null, active: false });
      } else if (!frame.persistent) {
        this.remove(frame.id);
      }
    }
  }

  setPersistent(id: string, persistent: boolean): void {
    const frame = this.frames.get(id);
    if (!frame || frame.persistent === persistent) return;
    // It stopped handling switches while no tab shows it: it goes now, as any level-1 frame.
    if (!persistent && frame.slot === null) this.remove(id);
    else this.set(id, { ...frame, persistent });
  }

  setStatus(id: string, status: LoadStatus): void {
    const frame = this.frames.get(id);
    if (frame && frame.status !== status) this.set(id, { ...frame, status });
  }

  retry(id: string): void {
    const frame = this.frames.get(id);
    if (frame)
      this.set(id, { ...frame, status: 'loading', attempt: frame.attempt + 1, persistent: false });
  }

  private set(id: string, frame: StageFrame): void {
    this.frames.set(id, frame);
    this.changed();
  }

  private remove(id: string): void {
    if (this.frames.delete(id)) this.changed();
  }

  private changed(): void {
    this.snapshot = [...this.frames.values()];
    for (const listener of this.listeners) listener();
  }
}
