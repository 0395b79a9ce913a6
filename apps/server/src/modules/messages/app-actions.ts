import type { AppPermission } from '@bevatel/protocol';
import { bodyKeys, type AppActionRule } from '../dashboard-apps';

/**
 * A dashboard app may add private notes (notes:write); it never sends replies to the customer
 * (it puts text into the agent's composer instead), nor any other kind of message.
 */
export const NOTE_APP_ACTION: AppActionRule = {
  action: 'note_created',
  needs: (body): AppPermission[] | null => {
    const { private: isPrivate, message_type: kind } = (body ?? {}) as Record<string, unknown>;
    const extra = bodyKeys(body).filter(
      (key) =>
        !['content', 'private', 'message_type', 'content_attributes', 'echo_id'].includes(key),
    );
    return isPrivate === true && (kind === undefined || kind === 'outgoing') && extra.length === 0
      ? ['notes:write']
      : null;
  },
  target: 'conversation',
};
