import type { Message } from '@bevatel/protocol';

/**
 * Who said the last message, as the list shows it before the text: the agent reading sees
 * "You:" only for their own replies, other agents' replies carry their name, private notes
 * say so with their author. Customers' messages (and senderless outgoing ones: bots,
 * automations) get no prefix.
 */
export type PreviewAuthor =
  | { kind: 'none' }
  | { kind: 'you' }
  | { kind: 'agent'; name: string }
  | { kind: 'your-note' }
  /** A note by another agent; `name` null when no agent wrote it (an app, a script). */
  | { kind: 'note'; name: string | null };

export function previewAuthor(message: Message, meId: number): PreviewAuthor {
  const sender = message.sender;
  const agent = sender?.type === 'user' ? sender : null;
  const mine = agent !== null && agent.id === meId;
  const name = agent ? agent.available_name || agent.name || '' : '';
  if (message.private) {
    if (mine) return { kind: 'your-note' };
    return { kind: 'note', name: name || null };
  }
  if (message.message_type !== 1 || !agent) return { kind: 'none' };
  return mine ? { kind: 'you' } : { kind: 'agent', name };
}
