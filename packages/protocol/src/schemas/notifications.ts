/** Response schemas of notifications (contract.ts checks them against the protocol types). */
import { Type } from 'typebox';
import { CONVERSATION_STATUSES, MESSAGE_TYPES } from '../enums';
import { NOTIFICATION_TYPES } from '../notifications';
import { Bool, Int, Nullable, NullableInt, NullableStr, OneOf, Str } from './build';

export const NotificationSchema = Type.Object({
  id: Int(),
  account_id: Int(),
  notification_type: OneOf(NOTIFICATION_TYPES),
  push_message_title: Str(),
  primary_actor_type: OneOf(['Conversation'] as const),
  primary_actor_id: Int(),
  primary_actor: Type.Object({
    id: Int(),
    inbox_id: Int(),
    status: OneOf(CONVERSATION_STATUSES),
    meta: Type.Object({ sender: Type.Object({ id: Int(), name: NullableStr() }) }),
  }),
  secondary_actor: Nullable(
    Type.Object({
      id: Int(),
      content: NullableStr(),
      message_type: OneOf(Object.values(MESSAGE_TYPES)),
      private: Bool(),
      created_at: Int(),
      sender: Nullable(
        Type.Object({
          id: Int(),
          name: NullableStr(),
          type: OneOf(['user', 'contact'] as const),
        }),
      ),
    }),
  ),
  user: Type.Object({
    id: Int(),
    name: Str(),
    available_name: Str(),
    type: OneOf(['user'] as const),
  }),
  read_at: NullableInt(),
  created_at: Int(),
  last_activity_at: Int(),
});

export const NotificationListSchema = Type.Object({
  data: Type.Object({
    meta: Type.Object({ unread_count: Int(), count: Int(), current_page: Int() }),
    payload: Type.Array(NotificationSchema),
  }),
});

/** Chatwoot answers `unread_count` with a bare number. */
export const UnreadCountSchema = Int();

/** Chatwoot's read_all has no body; ours says what is left unread (0), additively. */
export const ReadAllSchema = Type.Object({ unread_count: Int() });
