/** Response schemas of the webhooks resource (contract.ts checks them against webhooks.ts). */
import { Type, type Static } from 'typebox';
import { WEBHOOK_EVENTS, type WebhookDeliveryStatus } from '../webhooks';
import { Bool, Document, Int, NullableInt, NullableStr, OneOf, Str } from './build';
import { WEBHOOK_EXAMPLE } from './examples';

const DELIVERY_STATUSES: readonly WebhookDeliveryStatus[] = ['pending', 'delivered', 'failed'];

export const WebhookSchema = Type.Object(
  {
    id: Int(),
    account_id: Int(),
    name: NullableStr(),
    url: Str(),
    subscriptions: Type.Array(OneOf(WEBHOOK_EVENTS)),
    created_at: Int(),
    updated_at: Int(),
    /** Only when it was just created or rotated. */
    secret: Type.Optional(Str()),
  },
  { examples: [WEBHOOK_EXAMPLE] },
);

export const WebhookDeliverySchema = Type.Object({
  id: Int(),
  webhook_id: Int(),
  uuid: Str(),
  event: OneOf(WEBHOOK_EVENTS),
  status: OneOf(DELIVERY_STATUSES),
  attempts: Int(),
  next_attempt_at: NullableInt(),
  last_attempt_at: NullableInt(),
  last_status_code: NullableInt(),
  last_error: NullableStr(),
  last_duration_ms: NullableInt(),
  last_response: NullableStr(),
  created_at: Int(),
});

export const WebhookDeliveryAttemptSchema = Type.Object({
  attempted_at: Int(),
  status_code: NullableInt(),
  duration_ms: Int(),
  error: NullableStr(),
  response: NullableStr(),
});

export const WebhookDeliveryDetailSchema = Type.Object({
  ...WebhookDeliverySchema.properties,
  payload: Document<Record<string, unknown>>(),
  attempt_log: Type.Array(WebhookDeliveryAttemptSchema),
});

export const WebhookListResponseSchema = Type.Object({
  payload: Type.Object({ webhooks: Type.Array(WebhookSchema) }),
});
export const WebhookResponseSchema = Type.Object({
  payload: Type.Object({ webhook: WebhookSchema }),
});
export const WebhookDeliveryPageSchema = Type.Object({
  payload: Type.Array(WebhookDeliverySchema),
  meta: Type.Object({ page: Int(), per_page: Int(), has_more: Bool() }),
});
export const WebhookDeliveryResponseSchema = Type.Object({ payload: WebhookDeliverySchema });
export const WebhookDeliveryDetailResponseSchema = Type.Object({
  payload: WebhookDeliveryDetailSchema,
});

export type WebhookListResponse = Static<typeof WebhookListResponseSchema>;
export type WebhookResponse = Static<typeof WebhookResponseSchema>;
export type WebhookDeliveryPage = Static<typeof WebhookDeliveryPageSchema>;
