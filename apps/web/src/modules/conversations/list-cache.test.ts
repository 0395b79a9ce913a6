import type { Agent, ConversationListResponse } from '@bevatel/protocol';
import { describe, expect, it } from 'vitest';
import { conversation } from '../../test/factories';
import { DEFAULT_FILTERS, filtersToParams, matchesFilters } from './filters';
import {
  flattenPages,
  patchInPages,
  removeFromPages,
  upsertIntoPages,
  type ConversationPages,
} from './list-cache';

const at = (id: number, lastActivity: number) =>
  conversation({ id, last_activity_at: lastActivity, timestamp: lastActivity });

function pages(...lists: number[][]): ConversationPages {
  return {
    pageParams: lists.map((_, i) => i + 1),
    pages: lists.map((ids): ConversationListResponse => ({
      data: {
        meta: { mine_count: 0, unassigned_count: 0, all_count: 100 },
        payload: ids.map((id) => at(id, id * 10)),
      },
    })),
  };
}

const ids = (data: ConversationPages) => flattenPages(data).map((c) => c.id);

describe('conversation list cache', () => {
  it('moves a conversation with new activity to the top', () => {
    const data = upsertIntoPages(pages([9, 8, 7], [6, 5]), at(5, 1000), false);
    expect(ids(data)).toEqual([5, 9, 8, 7, 6]);
  });

  it('inserts a new conversation where its activity puts it', () => {
    const data = upsertIntoPages(pages([9, 7], [5]), at(8, 80), false);
    expect(ids(data)).toEqual([9, 8, 7, 5]);
  });

  it('leaves a conversation older than everything loaded for a later page', () => {
    expect(ids(upsertIntoPages(pages([9, 8]), at(1, 1), false))).toEqual([9, 8]);
    expect(ids(upsertIntoPages(pages([9, 8]), at(1, 1), true))).toEqual([9, 8, 1]);
  });

  it('adds to an empty list', () => {
    expect(ids(upsertIntoPages(pages([]), at(3, 30), false))).toEqual([3]);
  });

  it('removes and patches in place', () => {
    expect(ids(removeFromPages(pages([9, 8], [7]), 8))).toEqual([9, 7]);
    const patched = patchInPages(
      pages([9, 8]),
      (c) => c.id === 8,
      (c) => ({ ...c, unread_count: 3 }),
    );
    expect(flattenPages(patched).find((c) => c.id === 8)?.unread_count).toBe(3);
    const same = pages([9]);
    expect(
      patchInPages(
        same,
        () => false,
        (c) => c,
      ),
    ).toBe(same);
  });

  it('flattens pages without the repeats page shifts produce', () => {
    expect(ids(pages([9, 8], [8, 7]))).toEqual([9, 8, 7]);
  });
});

describe('filters', () => {
  it('judges status, inbox, label and assignee', () => {
    const c = conversation({ status: 'open', inbox_id: 2, labels: ['vip'] });
    expect(matchesFilters(c, { ...DEFAULT_FILTERS, assigneeType: 'all' }, 4)).toBe(true);
    expect(
      matchesFilters(c, { ...DEFAULT_FILTERS, assigneeType: 'all', status: 'resolved' }, 4),
    ).toBe(false);
    expect(matchesFilters(c, { ...DEFAULT_FILTERS, assigneeType: 'all', status: 'all' }, 4)).toBe(
      true,
    );
    expect(matchesFilters(c, { ...DEFAULT_FILTERS, assigneeType: 'all', inboxId: 3 }, 4)).toBe(
      false,
    );
    expect(matchesFilters(c, { ...DEFAULT_FILTERS, assigneeType: 'all', label: 'vip' }, 4)).toBe(
      true,
    );
    expect(matchesFilters(c, { ...DEFAULT_FILTERS, assigneeType: 'all', label: 'x' }, 4)).toBe(
      false,
    );
    expect(matchesFilters(c, { ...DEFAULT_FILTERS, assigneeType: 'me' }, 4)).toBe(false);
    expect(matchesFilters(c, { ...DEFAULT_FILTERS, assigneeType: 'unassigned' }, 4)).toBe(true);
    const mine = { ...c, meta: { ...c.meta, assignee: { id: 4, name: 'A' } as Agent } };
    expect(matchesFilters(mine, { ...DEFAULT_FILTERS, assigneeType: 'me' }, 4)).toBe(true);
    expect(matchesFilters(mine, { ...DEFAULT_FILTERS, assigneeType: 'unassigned' }, 4)).toBe(false);
  });

  it('turns filters into the API query, leaving out what is unset', () => {
    expect(filtersToParams({ ...DEFAULT_FILTERS, label: 'vip', q: ' refund ' }, 2)).toEqual({
      assignee_type: 'me',
      status: 'open',
      inbox_id: null,
      labels: ['vip'],
      q: 'refund',
      page: 2,
    });
  });
});
