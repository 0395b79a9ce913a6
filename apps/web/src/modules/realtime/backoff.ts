/**
 * Reconnect delay after `attempt` failures: exponential from 1 s, capped at 30 s, with "equal
 * jitter" (half fixed, half random) so a restarted server is not hit by every tab at once.
 */
export function backoffDelay(attempt: number, random: () => number = Math.random): number {
  const base = Math.min(30_000, 1000 * 2 ** Math.max(0, attempt));
  return Math.round(base / 2 + random() * (base / 2));
}

/** Remembers the last envelope ids seen, so a replayed or repeated event is applied once. */
export class SeenIds {
  private readonly ids = new Set<number>();
  private readonly order: number[] = [];

  constructor(private readonly capacity = 1000) {}

  /** True the first time an id is seen. */
  add(id: number): boolean {
    if (this.ids.has(id)) return false;
    this.ids.add(id);
    this.order.push(id);
    if (this.order.length > this.capacity) this.ids.delete(this.order.shift()!);
    return true;
  }
}
