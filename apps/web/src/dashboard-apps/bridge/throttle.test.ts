import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createThrottle } from './throttle';

describe('createThrottle', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('runs at once, then at most once per interval with a trailing run', () => {
    const runs: number[] = [];
    const throttle = createThrottle(250, () => {
      runs.push(Date.now());
      return true;
    });
    const start = Date.now();
    throttle.schedule();
    throttle.schedule();
    throttle.schedule();
    expect(runs).toEqual([start]);
    vi.advanceTimersByTime(249);
    expect(runs).toHaveLength(1);
    vi.advanceTimersByTime(1);
    expect(runs).toEqual([start, start + 250]);
    vi.advanceTimersByTime(1000);
    expect(runs).toHaveLength(2);
  });

  it('a run that did nothing does not hold the next one back', () => {
    let result = false;
    const runs: number[] = [];
    const throttle = createThrottle(250, () => {
      runs.push(Date.now());
      return result;
    });
    throttle.schedule();
    result = true;
    throttle.schedule();
    expect(runs).toHaveLength(2);
  });

  it('cancel drops the pending trailing run', () => {
    const run = vi.fn(() => true);
    const throttle = createThrottle(250, run);
    throttle.schedule();
    throttle.schedule();
    throttle.cancel();
    vi.advanceTimersByTime(1000);
    expect(run).toHaveBeenCalledTimes(1);
  });
});
