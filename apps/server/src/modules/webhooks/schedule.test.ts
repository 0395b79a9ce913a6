import { describe, expect, it } from 'vitest';
import { DEFAULT_RETRY_SCHEDULE, nextAttemptAt, retryDelayMs } from './schedule';

const HOUR = 60 * 60 * 1000;

describe('the retry schedule', () => {
  it('waits 5 s, 15 s and 45 s after the first three failures, exactly', () => {
    expect([1, 2, 3].map((n) => retryDelayMs(DEFAULT_RETRY_SCHEDULE, n))).toEqual([
      5_000, 15_000, 45_000,
    ]);
  });

  it('then doubles, within ±20 % jitter, up to six hours', () => {
    const low = () => 0;
    const high = () => 0.999_999;
    expect(retryDelayMs(DEFAULT_RETRY_SCHEDULE, 4, low)).toBe(72_000);
    expect(retryDelayMs(DEFAULT_RETRY_SCHEDULE, 4, high)).toBe(108_000);
    expect(retryDelayMs(DEFAULT_RETRY_SCHEDULE, 5, () => 0.5)).toBe(180_000);
    expect(retryDelayMs(DEFAULT_RETRY_SCHEDULE, 30, () => 0.5)).toBe(6 * HOUR);
    const spread = new Set(
      Array.from({ length: 50 }, () => retryDelayMs(DEFAULT_RETRY_SCHEDULE, 6)),
    );
    expect(spread.size).toBeGreaterThan(1);
  });

  it('keeps trying for about a day, then gives up', () => {
    const start = 0;
    let now = start;
    let retries = 0;
    const tries = [now];
    for (;;) {
      retries += 1;
      const next = nextAttemptAt(DEFAULT_RETRY_SCHEDULE, retries, start, now, () => 0.5);
      if (next === null) break;
      now = next;
      tries.push(now);
    }
    expect(tries.slice(0, 4)).toEqual([0, 5_000, 20_000, 65_000]);
    const last = tries[tries.length - 1] as number;
    expect(last).toBeGreaterThan(18 * HOUR);
    expect(last).toBeLessThanOrEqual(24 * HOUR);
    expect(tries.length).toBeGreaterThanOrEqual(14);
    expect(tries.length).toBeLessThanOrEqual(20);
  });
});
