import type { ChannelType, Inbox } from '@bevatel/protocol';
import type { InboxRow } from '../db/schema';
import { toSecondsOrZero } from '../lib/time';

export function presentInbox(row: InboxRow): Inbox {
  return {
    id: row.id,
    account_id: row.account_id,
    name: row.name,
    channel_type: row.channel_type as ChannelType,
    greeting_message: row.greeting_message,
    created_at: toSecondsOrZero(row.created_at),
  };
}
