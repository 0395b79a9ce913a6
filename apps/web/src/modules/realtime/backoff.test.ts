import { describe, expect, it } from 'vitest';
import { SeenIds, backoffDelay } from './backoff';

describe('backoffDelay', () => {
  it('doubles from one second, with half of it random', () => {
    expect(backoffDelay(0, () => 0)).toBe(500);
    expect(backoffDelay(0, () => 1)).toBe(1000);
    expect(backoffDelay(3, () => 0)).toBe(4000);
    expect(backoffDelay(3, () => 1)).toBe(8000);
  });

  it('caps at thirty seconds', () => {
    expect(backoffDelay(20, () => 1)).toBe(30_000);
    expect(backoffDelay(20, () => 0)).toBe(15_000);
  });
});

describe('SeenIds', () => {
  it('lets each envelope id through once', () => {
    const seen = new SeenIds(3);
    expect(seen.add(1)).toBe(true);
    expect(seen.add(1)).toBe(false);
    expect(seen.add(2)).toBe(true);
  });

  it('forgets the oldest ids beyond its capacity', () => {
    const seen = new SeenIds(2);
    seen.add(1);
    seen.add(2);
    seen.add(3);
    expect(seen.add(1)).toBe(true);
    expect(seen.add(3)).toBe(false);
  });
});
