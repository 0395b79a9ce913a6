/**
 * Typing indicators, both ways: agents of the inbox see who is typing (the visitor too), and
 * on a website conversation the visitor sees the agent type (never while writing a private
 * note). Nothing is stored: these commands only produce events.
 */
import { outcome, publishEvent, type CoreEvent, type Outcome, type Tx } from '../../core/commands';
import type { ConversationRow } from '../../db/schema';

export interface Typist {
  id: number;
  name: string;
  type: 'contact' | 'user';
}

export async function typingChanged(
  tx: Tx,
  row: ConversationRow,
  typist: Typist,
  typing: boolean,
  isPrivate: boolean,
): Promise<Outcome<void>> {
  const audience = { accountId: row.account_id, inboxId: row.inbox_id };
  const events: CoreEvent[] = [
    publishEvent(audience, {
      event: 'conversation.typing',
      data: { conversation_id: row.display_id, typing, user: typist, is_private: isPrivate },
    }),
  ];
  if (typist.type === 'user' && !isPrivate && row.contact_inbox_id !== null) {
    const widget = await tx.db
      .selectFrom('web_widgets')
      .select('id')
      .where('inbox_id', '=', row.inbox_id)
      .executeTakeFirst();
    if (widget) {
      events.push(
        publishEvent(
          { ...audience, contactInboxId: row.contact_inbox_id },
          {
            event: 'visitor.typing',
            data: { conversation_id: row.display_id, typing, name: typist.name },
          },
        ),
      );
    }
  }
  return outcome(undefined, events);
}
