import { CONTENT_TYPES } from '@bevatel/protocol';
import { Type } from 'typebox';
import { Id, JsonObjectSchema, OneOf, Text } from '../../lib/schemas';

/** `…/conversations/:id/messages/:message_id`. */
export const MessageParams = Type.Object(
  { account_id: Id(), id: Id(), message_id: Id() },
  { additionalProperties: false },
);

export const MAX_MESSAGE_LENGTH = 150_000;

export const ListQuery = Type.Object({
  before: Type.Optional(Id()),
  after: Type.Optional(Type.Integer({ minimum: 0, maximum: 2_147_483_647 })),
});

/**
 * Unknown keys are ignored (Chatwoot clients send `cc_emails`, `template_params`, …). The same
 * body comes as JSON or as multipart/form-data fields beside `attachments[]`; `content` may be
 * left out only when files come with it.
 */
export const CreateBody = Type.Object({
  content: Type.Optional(Text({ minLength: 1, maxLength: MAX_MESSAGE_LENGTH })),
  message_type: Type.Optional(
    Type.Union([Type.Literal('outgoing'), Type.Literal('incoming'), Type.Literal('activity')]),
  ),
  private: Type.Optional(Type.Boolean()),
  content_type: Type.Optional(OneOf(CONTENT_TYPES)),
  content_attributes: Type.Optional(JsonObjectSchema),
  echo_id: Type.Optional(Text({ minLength: 1, maxLength: 255 })),
  source_id: Type.Optional(Text({ minLength: 1, maxLength: 255 })),
});
