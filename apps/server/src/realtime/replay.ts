import type { BusMessage } from './bus';

/**
 * The last events this process saw, for clients that reconnect and ask for what they missed.
 * Bus ids rise by one per event, so the buffer is one unbroken run of ids: finding an id is
 * arithmetic, and a message that does not follow the previous one means some were lost.
 */
export class ReplayBuffer {
  private readonly ring: (BusMessage | undefined)[];
  private head = 0;
  private count = 0;
  private last = 0;

  constructor(private readonly capacity: number) {
    this.ring = new Array<BusMessage | undefined>(Math.max(1, capacity));
  }

  get lastId(): number {
    return this.last;
  }

  /** Adds a message; false when it does not follow the previous one (messages were lost). */
  push(message: BusMessage): boolean {
    const id = message.envelope.id;
    const follows = this.last === 0 || id === this.last + 1;
    if (!follows) {
      // Keep only what is known complete: the run restarts here.
      this.head = 0;
      this.count = 0;
      this.ring.fill(undefined);
    }
    this.ring[(this.head + this.count) % this.ring.length] = message;
    if (this.count < this.ring.length) this.count += 1;
    else this.head = (this.head + 1) % this.ring.length;
    this.last = id;
    return follows;
  }

  /** Every message after `after`, oldest first, or null when some are no longer here. */
  since(after: number): BusMessage[] | null {
    if (after >= this.last) return [];
    if (this.count === 0) return null;
    const first = this.at(0).envelope.id;
    if (after + 1 < first) return null;
    const out: BusMessage[] = [];
    for (let i = after + 1 - first; i < this.count; i += 1) out.push(this.at(i));
    return out;
  }

  private at(index: number): BusMessage {
    return this.ring[(this.head + index) % this.ring.length] as BusMessage;
  }
}
