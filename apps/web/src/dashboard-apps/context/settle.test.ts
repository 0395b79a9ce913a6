import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createSettler } from './settle';

describe('createSettler', () => {
  let applied: string[];
  beforeEach(() => {
    vi.useFakeTimers();
    applied = [];
  });
  afterEach(() => vi.useRealTimers());

  const settler = () =>
    createSettler<string>((value) => applied.push(value), { quietMs: 100, maxWaitMs: 1000 });

  it('passes the first value and a value of another key at once', () => {
    const s = settler();
    s.offer('a1', 'a', false);
    s.offer('b1', 'b', false);
    expect(applied).toEqual(['a1', 'b1']);
  });

  it('collapses a burst into the last value, once it is quiet', () => {
    const s = settler();
    s.offer('v0', 'k', false);
    s.offer('v1', 'k', false);
    vi.advanceTimersByTime(50);
    s.offer('v2', 'k', false);
    vi.advanceTimersByTime(99);
    expect(applied).toEqual(['v0']);
    vi.advanceTimersByTime(1);
    expect(applied).toEqual(['v0', 'v2']);
  });

  it('waits while something is on its way, but never longer than the maximum', () => {
    const s = settler();
    s.offer('v0', 'k', false);
    s.offer('v1', 'k', true);
    vi.advanceTimersByTime(400);
    expect(applied).toEqual(['v0']);
    s.offer('v2', 'k', false); // the read mark came back
    vi.advanceTimersByTime(100);
    expect(applied).toEqual(['v0', 'v2']);
    s.offer('v3', 'k', true);
    vi.advanceTimersByTime(999);
    expect(applied).toEqual(['v0', 'v2']);
    vi.advanceTimersByTime(1);
    expect(applied).toEqual(['v0', 'v2', 'v3']);
  });

  it('keeps changing values from delaying a push past the maximum', () => {
    const s = settler();
    s.offer('v0', 'k', false);
    for (let i = 1; i <= 30; i++) {
      s.offer(`v${i}`, 'k', false);
      vi.advanceTimersByTime(50);
    }
    expect(applied.length).toBeGreaterThanOrEqual(2);
    expect(applied[1]).toBe(`v${20}`);
  });

  it('drops what is pending when cancelled', () => {
    const s = settler();
    s.offer('v0', 'k', false);
    s.offer('v1', 'k', false);
    s.cancel();
    vi.advanceTimersByTime(5000);
    expect(applied).toEqual(['v0']);
  });
});
