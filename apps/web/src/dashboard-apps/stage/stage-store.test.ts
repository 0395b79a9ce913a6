import type { DashboardApp } from '@bevatel/protocol';
import { describe, expect, it } from 'vitest';
import { StageStore } from './stage-store';

const app = { id: 3, title: 'Orders' } as DashboardApp;
const actions = { closeModal: () => false };
const claim = (displayId: number) => ({
  app,
  index: 0,
  url: 'https://o.example/',
  accountId: 1,
  displayId,
  actions,
});
const slot = () => ({}) as HTMLElement;

describe('StageStore', () => {
  it('keeps one frame per app frame, shown over its slot while the tab is there', () => {
    const stage = new StageStore();
    const id = stage.claim(claim(7));
    const element = slot();
    stage.attach(id, element, true);
    expect(stage.list()).toMatchObject([
      { id, displayId: 7, slot: element, active: true, status: 'loading' },
    ]);
    expect(stage.claim(claim(7))).toBe(id);
    expect(stage.list()).toHaveLength(1);
    stage.release(id, element);
    expect(stage.list()).toEqual([]);
  });

  it('drops a level-1 frame with its conversation (fresh state per customer)', () => {
    const stage = new StageStore();
    const id = stage.claim(claim(7));
    stage.showConversation({ accountId: 1, displayId: 7 });
    stage.showConversation({ accountId: 1, displayId: 8 });
    expect(stage.get(id)).toBeUndefined();
  });

  it('gives another conversation’s claim a new frame, even before the old tab lets go', () => {
    const stage = new StageStore();
    const id = stage.claim(claim(7));
    const old = slot();
    stage.attach(id, old, true);
    const first = stage.get(id)!.generation;
    // The agent kept the app's tab: the next conversation's slot claims it at once.
    expect(stage.claim(claim(8))).toBe(id);
    stage.release(id, old);
    expect(stage.get(id)).toMatchObject({ displayId: 8, status: 'loading', attempt: 0 });
    expect(stage.get(id)!.generation).not.toBe(first);
  });

  it('moves a frame that handles switches to the conversation in view, hidden until its tab opens', () => {
    const stage = new StageStore();
    const id = stage.claim(claim(7));
    const element = slot();
    stage.attach(id, element, true);
    stage.setStatus(id, 'loaded');
    stage.setPersistent(id, true);
    stage.release(id, element);
    stage.showConversation(null);
    expect(stage.get(id)).toMatchObject({ displayId: 7, slot: null, active: false });
    stage.showConversation({ accountId: 1, displayId: 8 });
    expect(stage.get(id)).toMatchObject({ displayId: 8, status: 'loaded' });
    expect(stage.claim(claim(8))).toBe(id);
    // Stops handling switches while the agent is elsewhere: it goes.
    stage.showConversation({ accountId: 1, displayId: 9 });
    stage.setPersistent(id, false);
    expect(stage.get(id)).toBeUndefined();
  });

  it('retries with a new attempt, and ignores the release of a slot it no longer uses', () => {
    const stage = new StageStore();
    const id = stage.claim(claim(7));
    const first = slot();
    const second = slot();
    stage.attach(id, first, true);
    stage.attach(id, second, true);
    stage.release(id, first);
    expect(stage.get(id)?.slot).toBe(second);
    stage.setStatus(id, 'timeout');
    stage.retry(id);
    expect(stage.get(id)).toMatchObject({ status: 'loading', attempt: 1 });
  });
});
