import type { RealtimeClientFrame } from '@bevatel/protocol';

const isId = (value: unknown): value is number =>
  typeof value === 'number' && Number.isSafeInteger(value) && value >= 0;

/** Parses one client frame; null for anything that is not a well-formed frame we know. */
export function parseClientFrame(raw: string): RealtimeClientFrame | null {
  let value: unknown;
  try {
    value = JSON.parse(raw);
  } catch {
    return null;
  }
  if (typeof value !== 'object' || value === null) return null;
  const frame = value as Record<string, unknown>;
  switch (frame.type) {
    case 'ping':
      return { type: 'ping' };
    case 'subscribe':
      if (!isId(frame.account_id)) return null;
      if (frame.after !== undefined && !isId(frame.after)) return null;
      return frame.after === undefined
        ? { type: 'subscribe', account_id: frame.account_id }
        : { type: 'subscribe', account_id: frame.account_id, after: frame.after };
    case 'resume':
      return isId(frame.after) ? { type: 'resume', after: frame.after } : null;
    default:
      return null;
  }
}

/** A query-string number (`?account_id=7`); undefined when absent, NaN when malformed. */
export function queryId(value: unknown): number | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== 'string' || !/^\d{1,16}$/.test(value)) return NaN;
  const id = Number(value);
  return Number.isSafeInteger(id) ? id : NaN;
}
