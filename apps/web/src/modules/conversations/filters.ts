import type { AssigneeType, Conversation, ConversationStatus } from '@bevatel/protocol';
import type { QueryParams } from '../../lib/api';

export type StatusFilter = ConversationStatus | 'all';

/** What the conversation list shows; the same object is part of its cache key. */
export interface ConversationFilters {
  assigneeType: AssigneeType;
  status: StatusFilter;
  inboxId: number | null;
  label: string | null;
  q: string;
}

export const DEFAULT_FILTERS: ConversationFilters = {
  assigneeType: 'me',
  status: 'open',
  inboxId: null,
  label: null,
  q: '',
};

export function filtersToParams(filters: ConversationFilters, page: number): QueryParams {
  return {
    assignee_type: filters.assigneeType,
    status: filters.status,
    inbox_id: filters.inboxId,
    labels: filters.label ? [filters.label] : undefined,
    q: filters.q.trim() || undefined,
    page,
  };
}

/**
 * Whether a conversation belongs in a list, judged on the client so realtime changes move rows
 * in and out without a refetch. Text search cannot be judged here: `q` lists only update rows.
 */
export function matchesFilters(
  conversation: Conversation,
  filters: ConversationFilters,
  meId: number,
): boolean {
  if (filters.status !== 'all' && conversation.status !== filters.status) return false;
  if (filters.inboxId !== null && conversation.inbox_id !== filters.inboxId) return false;
  if (filters.label !== null && !conversation.labels.includes(filters.label)) return false;
  const assigneeId = conversation.meta.assignee?.id ?? null;
  if (filters.assigneeType === 'me' && assigneeId !== meId) return false;
  if (filters.assigneeType === 'unassigned' && assigneeId !== null) return false;
  return true;
}
