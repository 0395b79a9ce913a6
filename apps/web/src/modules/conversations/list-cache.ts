import type { Conversation, ConversationListResponse } from '@bevatel/protocol';
import type { InfiniteData } from '@tanstack/react-query';

export type ConversationPages = InfiniteData<ConversationListResponse, number>;

function mapPayloads(
  data: ConversationPages,
  fn: (payload: Conversation[], index: number) => Conversation[],
): ConversationPages {
  return {
    ...data,
    pages: data.pages.map((page, index) => ({
      ...page,
      data: { ...page.data, payload: fn(page.data.payload, index) },
    })),
  };
}

export function removeFromPages(data: ConversationPages, id: number): ConversationPages {
  return mapPayloads(data, (payload) => payload.filter((c) => c.id !== id));
}

function newer(a: Conversation, b: Conversation): boolean {
  return (
    a.last_activity_at > b.last_activity_at ||
    (a.last_activity_at === b.last_activity_at && a.id > b.id)
  );
}

/**
 * Puts a conversation where it belongs in a list sorted by last activity (newest first). A
 * conversation older than everything loaded is left for a later page to bring, unless all pages
 * are loaded.
 */
export function upsertIntoPages(
  data: ConversationPages,
  conversation: Conversation,
  allPagesLoaded: boolean,
): ConversationPages {
  const without = removeFromPages(data, conversation.id);
  const pages = without.pages;
  for (let p = 0; p < pages.length; p += 1) {
    const payload = pages[p]!.data.payload;
    const index = payload.findIndex((c) => newer(conversation, c));
    if (index !== -1) {
      return mapPayloads(without, (list, i) =>
        i === p ? [...list.slice(0, index), conversation, ...list.slice(index)] : list,
      );
    }
  }
  if (!allPagesLoaded && pages.some((page) => page.data.payload.length > 0)) return without;
  const last = Math.max(0, pages.length - 1);
  return mapPayloads(without, (list, i) => (i === last ? [...list, conversation] : list));
}

/** Replaces a conversation in place (no move), e.g. when only its contact changed. */
export function patchInPages(
  data: ConversationPages,
  predicate: (c: Conversation) => boolean,
  patch: (c: Conversation) => Conversation,
): ConversationPages {
  let changed = false;
  const next = mapPayloads(data, (payload) =>
    payload.map((c) => {
      if (!predicate(c)) return c;
      changed = true;
      return patch(c);
    }),
  );
  return changed ? next : data;
}

export function findInPages(data: ConversationPages, id: number): Conversation | undefined {
  for (const page of data.pages) {
    const found = page.data.payload.find((c) => c.id === id);
    if (found) return found;
  }
  return undefined;
}

/** Flattens pages, dropping repeats that page shifts (new rows on top) produce. */
export function flattenPages(data: { pages: readonly ConversationListResponse[] }): Conversation[] {
  const seen = new Set<number>();
  const out: Conversation[] = [];
  for (const page of data.pages) {
    for (const conversation of page.data.payload) {
      if (seen.has(conversation.id)) continue;
      seen.add(conversation.id);
      out.push(conversation);
    }
  }
  return out;
}
