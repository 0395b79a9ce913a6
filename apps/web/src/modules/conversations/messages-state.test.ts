import { describe, expect, it } from 'vitest';
import { message } from '../../test/factories';
import {
  MESSAGES_PAGE_SIZE,
  addPending,
  confirmedMessages,
  fromLatestPage,
  mergeLatestPage,
  prependOlder,
  removePending,
  setPendingStatus,
  upsertMessage,
  type ClientMessage,
} from './messages-state';

const page = (from: number, to: number) =>
  Array.from({ length: to - from + 1 }, (_, i) =>
    message({ id: from + i, created_at: 1000 + from + i }),
  );

const pending = (echo: string, content = 'hi'): ClientMessage =>
  message({ id: -1, content, message_type: 1, echo_id: echo, created_at: 5000 } as ClientMessage);

describe('loading pages', () => {
  it('knows a short first page is the whole history', () => {
    expect(fromLatestPage(page(1, 3)).allLoaded).toBe(true);
    expect(fromLatestPage(page(1, MESSAGES_PAGE_SIZE)).allLoaded).toBe(false);
  });

  it('sorts a page oldest first whatever order it came in', () => {
    const state = fromLatestPage([...page(1, 3)].reverse());
    expect(state.messages.map((m) => m.id)).toEqual([1, 2, 3]);
  });

  it('prepends older pages without duplicates and notices the start', () => {
    let state = fromLatestPage(page(21, 40));
    state = prependOlder(state, page(1, 21));
    expect(state.messages.map((m) => m.id)).toEqual(page(1, 40).map((m) => m.id));
    expect(state.allLoaded).toBe(false);
    state = prependOlder(state, []);
    expect(state.allLoaded).toBe(true);
  });

  it('keeps pending messages at the end when older pages arrive', () => {
    let state = addPending(fromLatestPage(page(21, 40)), pending('e1'));
    state = prependOlder(state, page(1, 20));
    expect(state.messages[state.messages.length - 1]!.echo_id).toBe('e1');
  });
});

describe('optimistic sending', () => {
  it('shows a pending message at once, marked sending', () => {
    const state = addPending(fromLatestPage(page(1, 2)), pending('e1'));
    expect(state.messages.map((m) => m.localStatus ?? 'server')).toEqual([
      'server',
      'server',
      'sending',
    ]);
    expect(confirmedMessages(state).map((m) => m.id)).toEqual([1, 2]);
  });

  it('replaces the pending copy with the server message on confirmation', () => {
    let state = addPending(fromLatestPage(page(1, 2)), pending('e1'));
    state = upsertMessage(state, {
      ...message({ id: 3, content: 'hi', created_at: 1003 }),
      echo_id: 'e1',
    });
    expect(state.messages.map((m) => m.id)).toEqual([1, 2, 3]);
    expect(state.messages.some((m) => m.localStatus)).toBe(false);
  });

  it('does not duplicate when the realtime echo arrives before the POST answer', () => {
    let state = addPending(fromLatestPage(page(1, 2)), pending('e1'));
    const server = { ...message({ id: 3, created_at: 1003 }), echo_id: 'e1' };
    state = upsertMessage(state, server);
    state = upsertMessage(state, { ...message({ id: 3, created_at: 1003 }), echo_id: 'e1' });
    expect(state.messages.map((m) => m.id)).toEqual([1, 2, 3]);
  });

  it('does not duplicate when the POST answers before the realtime echo', () => {
    let state = addPending(fromLatestPage(page(1, 2)), pending('e1'));
    state = upsertMessage(state, { ...message({ id: 3, created_at: 1003 }), echo_id: 'e1' });
    state = upsertMessage(state, { ...message({ id: 3, created_at: 1003 }), echo_id: 'e1' });
    expect(state.messages.map((m) => m.id)).toEqual([1, 2, 3]);
  });

  it('matches an echo id carried in content_attributes too', () => {
    let state = addPending(fromLatestPage(page(1, 2)), pending('e9'));
    state = upsertMessage(
      state,
      message({ id: 3, created_at: 1003, content_attributes: { echo_id: 'e9' } }),
    );
    expect(state.messages.map((m) => m.id)).toEqual([1, 2, 3]);
  });

  it('marks a failed send, retries it, or discards it', () => {
    let state = addPending(fromLatestPage(page(1, 2)), pending('e1'));
    state = setPendingStatus(state, 'e1', 'failed');
    expect(state.messages[2]!.localStatus).toBe('failed');
    state = setPendingStatus(state, 'e1', 'sending');
    expect(state.messages[2]!.localStatus).toBe('sending');
    state = removePending(state, 'e1');
    expect(state.messages.map((m) => m.id)).toEqual([1, 2]);
  });

  it('keeps sends in order and leaves other pending messages alone', () => {
    let state = addPending(
      addPending(fromLatestPage(page(1, 1)), pending('a', 'first')),
      pending('b', 'second'),
    );
    state = upsertMessage(state, {
      ...message({ id: 3, created_at: 1003, content: 'second' }),
      echo_id: 'b',
    });
    expect(state.messages.map((m) => m.content)).toEqual(['Hello', 'second', 'first']);
    expect(state.messages[2]!.localStatus).toBe('sending');
  });
});

describe('realtime and catch-up', () => {
  it('inserts an incoming message in time order and replaces an updated one', () => {
    let state = fromLatestPage(page(1, 3));
    state = upsertMessage(state, message({ id: 4, created_at: 2000 }));
    state = upsertMessage(state, message({ id: 2, created_at: 1002, content: 'edited' }));
    expect(state.messages.map((m) => m.id)).toEqual([1, 2, 3, 4]);
    expect(state.messages[1]!.content).toBe('edited');
  });

  it('merges an overlapping newest page after a reconnect', () => {
    let state = prependOlder(fromLatestPage(page(21, 40)), page(1, 20));
    state = mergeLatestPage(state, page(26, 45));
    expect(state.messages.map((m) => m.id)).toEqual(page(1, 45).map((m) => m.id));
  });

  it('drops older messages when the newest page leaves a gap', () => {
    const state = mergeLatestPage(fromLatestPage(page(1, 20)), page(50, 69));
    expect(state.messages.map((m) => m.id)).toEqual(page(50, 69).map((m) => m.id));
    expect(state.allLoaded).toBe(false);
  });

  it('drops pending messages the server already has', () => {
    let state = addPending(fromLatestPage(page(1, 3)), pending('e1'));
    state = mergeLatestPage(state, [
      ...page(1, 3),
      { ...message({ id: 4, created_at: 1004 }), echo_id: 'e1' } as ClientMessage,
    ]);
    expect(state.messages.map((m) => m.id)).toEqual([1, 2, 3, 4]);
  });
});
