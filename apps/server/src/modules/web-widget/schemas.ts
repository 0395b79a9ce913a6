import { Type } from 'typebox';
import { Id, JsonObjectSchema, Text } from '../../lib/schemas';
import { MAX_MESSAGE_LENGTH } from '../messages';

/** Keys we hand out are URL-safe; anything else cannot name one of ours. */
const Key = (description: string) => Type.String({ pattern: '^[A-Za-z0-9_-]{1,64}$', description });

export const WebsiteTokenParams = Type.Object(
  { website_token: Key('the widget’s key') },
  { additionalProperties: false },
);

export const InboxParams = Type.Object(
  { inbox_identifier: Key('the inbox’s public key') },
  { additionalProperties: false },
);

export const ContactParams = Type.Object(
  {
    inbox_identifier: Key('the inbox’s public key'),
    contact_identifier: Key('the visitor’s source_id'),
  },
  { additionalProperties: false },
);

export const ConversationParams = Type.Object(
  {
    inbox_identifier: Key('the inbox’s public key'),
    contact_identifier: Key('the visitor’s source_id'),
    conversation_id: Id({ description: 'the conversation’s display id' }),
  },
  { additionalProperties: false },
);

export const IdentityBody = Type.Object(
  {
    identifier: Type.Optional(Text({ minLength: 1, maxLength: 255 })),
    // Any text: a forged or malformed hash is refused (401) and logged, not a schema error.
    identifier_hash: Type.Optional(Text({ minLength: 1, maxLength: 256 })),
    name: Type.Optional(Text({ maxLength: 255 })),
    email: Type.Optional(Text({ maxLength: 255 })),
    phone_number: Type.Optional(Text({ maxLength: 32 })),
    custom_attributes: Type.Optional(JsonObjectSchema),
  },
  { additionalProperties: false },
);

const EchoId = Text({ minLength: 1, maxLength: 255 });

export const CreateConversationBody = Type.Object(
  {
    /** The page the visitor is on (the launcher's location), Chatwoot's `referer_url`. */
    referer_url: Type.Optional(Text({ maxLength: 2048 })),
    /** When the visitor started, as their browser says it (`new Date().toString()`). */
    initiated_at: Type.Optional(Text({ maxLength: 100 })),
    browser_language: Type.Optional(Text({ maxLength: 35 })),
    custom_attributes: Type.Optional(JsonObjectSchema),
    message: Type.Optional(
      Type.Object(
        {
          content: Text({ minLength: 1, maxLength: MAX_MESSAGE_LENGTH }),
          echo_id: Type.Optional(EchoId),
        },
        { additionalProperties: false },
      ),
    ),
  },
  { additionalProperties: false },
);

export const CreateMessageBody = Type.Object(
  {
    content: Text({ minLength: 1, maxLength: MAX_MESSAGE_LENGTH }),
    echo_id: Type.Optional(EchoId),
  },
  { additionalProperties: false },
);

export const TypingBody = Type.Object(
  { typing_status: Type.Union([Type.Literal('on'), Type.Literal('off')]) },
  { additionalProperties: false },
);

/** The agents' side: Chatwoot's toggle_typing_status. */
export const AgentTypingBody = Type.Object(
  {
    typing_status: Type.Union([Type.Literal('on'), Type.Literal('off')]),
    is_private: Type.Optional(Type.Boolean()),
  },
  { additionalProperties: false },
);
