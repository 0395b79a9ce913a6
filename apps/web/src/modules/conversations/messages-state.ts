import type { Message } from '@bevatel/protocol';

/** The API pages messages 20 at a time; a shorter page means the start was reached. */
export const MESSAGES_PAGE_SIZE = 20;

export type LocalStatus = 'sending' | 'failed';

/** A message as the dashboard holds it: server messages, plus its own not yet confirmed. */
export interface ClientMessage extends Message {
  /** Only on messages this tab sent and the server has not confirmed. */
  localStatus?: LocalStatus;
  /** Files of such a message, on their way (names and sizes: what its bubble shows). */
  localFiles?: { name: string; size: number }[];
}

export interface MessagesState {
  /** Confirmed messages oldest first, then this tab's pending ones in send order. */
  messages: ClientMessage[];
  /** Whether the oldest message of the conversation is loaded. */
  allLoaded: boolean;
}

export const EMPTY_MESSAGES: MessagesState = { messages: [], allLoaded: false };

function byTime(a: Message, b: Message): number {
  return a.created_at - b.created_at || a.id - b.id;
}

function split(messages: ClientMessage[]): {
  confirmed: ClientMessage[];
  pending: ClientMessage[];
} {
  const confirmed: ClientMessage[] = [];
  const pending: ClientMessage[] = [];
  for (const message of messages) (message.localStatus ? pending : confirmed).push(message);
  return { confirmed, pending };
}

function echoOf(message: ClientMessage): string | null {
  if (message.echo_id) return message.echo_id;
  const fromAttributes = message.content_attributes?.echo_id;
  return typeof fromAttributes === 'string' ? fromAttributes : null;
}

function mergeConfirmed(base: ClientMessage[], incoming: Message[]): ClientMessage[] {
  const byId = new Map<number, ClientMessage>();
  for (const message of base) byId.set(message.id, message);
  for (const message of incoming) byId.set(message.id, message);
  return [...byId.values()].sort(byTime);
}

/** The newest page, as first fetched (the API answers oldest first). */
export function fromLatestPage(page: Message[]): MessagesState {
  return { messages: [...page].sort(byTime), allLoaded: page.length < MESSAGES_PAGE_SIZE };
}

/** An older page loaded by scrolling up. */
export function prependOlder(state: MessagesState, older: Message[]): MessagesState {
  const { confirmed, pending } = split(state.messages);
  return {
    messages: [...mergeConfirmed(confirmed, older), ...pending],
    allLoaded: older.length < MESSAGES_PAGE_SIZE,
  };
}

/**
 * The newest page fetched again (reconnect, catch-up). When it overlaps what is held the two
 * are merged; when it does not, messages were missed in between, so the older ones are dropped
 * and will load again on scroll.
 */
export function mergeLatestPage(state: MessagesState, page: Message[]): MessagesState {
  const { confirmed, pending } = split(state.messages);
  const echoes = new Set(page.map(echoOf).filter(Boolean));
  const stillPending = pending.filter((m) => !echoes.has(echoOf(m)));
  if (page.length === 0) return { messages: stillPending, allLoaded: true };
  const oldestNew = Math.min(...page.map((m) => m.id));
  const newestHeld = confirmed.length ? Math.max(...confirmed.map((m) => m.id)) : -Infinity;
  const overlaps = confirmed.length === 0 || oldestNew <= newestHeld;
  if (!overlaps || page.length < MESSAGES_PAGE_SIZE) {
    const base = overlaps ? confirmed : [];
    return {
      messages: [...mergeConfirmed(base, page), ...stillPending],
      allLoaded: page.length < MESSAGES_PAGE_SIZE || (overlaps && state.allLoaded),
    };
  }
  return {
    messages: [...mergeConfirmed(confirmed, page), ...stillPending],
    allLoaded: state.allLoaded,
  };
}

/**
 * A server message arrived (realtime or an answer): it replaces the pending copy with the same
 * echo id, or an earlier copy with the same id, or is inserted in time order.
 */
export function upsertMessage(state: MessagesState, message: ClientMessage): MessagesState {
  const echo = echoOf(message);
  const { confirmed, pending } = split(state.messages);
  const remaining = echo ? pending.filter((m) => m.echo_id !== echo) : pending;
  // The same message again (the POST's answer, then its realtime event): nothing to write, so
  // the thread and any app frame see it once.
  const held = confirmed.find((m) => m.id === message.id);
  if (remaining.length === pending.length && held && sameMessage(held, message)) return state;
  const clean: ClientMessage = { ...message };
  delete clean.localStatus;
  return { ...state, messages: [...mergeConfirmed(confirmed, [clean]), ...remaining] };
}

/** Equal as the server sent them (the echo id is the client's own bookkeeping). */
function sameMessage(a: ClientMessage, b: ClientMessage): boolean {
  const { echo_id: _a, localStatus: _la, ...left } = a;
  const { echo_id: _b, localStatus: _lb, ...right } = b;
  return JSON.stringify(left) === JSON.stringify(right);
}

export function addPending(state: MessagesState, message: ClientMessage): MessagesState {
  return { ...state, messages: [...state.messages, { ...message, localStatus: 'sending' }] };
}

export function setPendingStatus(
  state: MessagesState,
  echoId: string,
  status: LocalStatus,
): MessagesState {
  return {
    ...state,
    messages: state.messages.map((m) =>
      m.localStatus && m.echo_id === echoId ? { ...m, localStatus: status } : m,
    ),
  };
}

export function removePending(state: MessagesState, echoId: string): MessagesState {
  return {
    ...state,
    messages: state.messages.filter((m) => !(m.localStatus && m.echo_id === echoId)),
  };
}

/** What other parts (the dashboard apps host) see: only messages the server holds. */
export function confirmedMessages(state: MessagesState): Message[] {
  return state.messages.filter((m) => !m.localStatus);
}
