import { WEBHOOK_EVENTS, WEBHOOK_NAME_MAX_LENGTH, WEBHOOK_URL_MAX_LENGTH } from '@bevatel/protocol';
import { Type } from 'typebox';
import { Id, Nullable, Text } from '../../lib/schemas';

const Subscriptions = Type.Array(Type.Union(WEBHOOK_EVENTS.map((event) => Type.Literal(event))), {
  minItems: 1,
  maxItems: WEBHOOK_EVENTS.length,
  uniqueItems: true,
});
const Url = Type.String({ minLength: 1, maxLength: WEBHOOK_URL_MAX_LENGTH });
const Name = Nullable(Text({ maxLength: WEBHOOK_NAME_MAX_LENGTH }));

export const CreateWebhookBody = Type.Object(
  { url: Url, subscriptions: Type.Optional(Subscriptions), name: Type.Optional(Name) },
  { additionalProperties: false },
);

export const UpdateWebhookBody = Type.Object(
  {
    url: Type.Optional(Url),
    subscriptions: Type.Optional(Subscriptions),
    name: Type.Optional(Name),
  },
  { additionalProperties: false },
);

export const WebhookParams = Type.Object(
  { account_id: Id(), id: Id() },
  { additionalProperties: false },
);

export const DeliveryParams = Type.Object(
  { account_id: Id(), id: Id(), delivery_id: Id() },
  { additionalProperties: false },
);

export const DeliveriesQuery = Type.Object({
  page: Type.Integer({ minimum: 1, maximum: 100_000, default: 1 }),
});
