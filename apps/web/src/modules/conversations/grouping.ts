import { dayKey } from '../../lib/format';
import type { ClientMessage } from './messages-state';

export interface DayGroup {
  /** Local calendar day, YYYY-MM-DD. */
  day: string;
  /** Unix seconds of the group's first message, for the day heading. */
  timestamp: number;
  messages: ClientMessage[];
}

/** Splits messages (oldest first) into runs per local calendar day. */
export function groupMessagesByDay(messages: readonly ClientMessage[]): DayGroup[] {
  const groups: DayGroup[] = [];
  for (const message of messages) {
    const day = dayKey(message.created_at);
    const last = groups[groups.length - 1];
    if (last && last.day === day) last.messages.push(message);
    else groups.push({ day, timestamp: message.created_at, messages: [message] });
  }
  return groups;
}

/**
 * Whether a message continues the previous one's run (same sender, same kind, within five
 * minutes): the bubble then drops the repeated sender line.
 */
export function continuesRun(previous: ClientMessage | undefined, message: ClientMessage): boolean {
  if (!previous) return false;
  return (
    previous.message_type === message.message_type &&
    previous.private === message.private &&
    previous.sender_id === message.sender_id &&
    previous.sender_type === message.sender_type &&
    message.created_at - previous.created_at < 5 * 60
  );
}
