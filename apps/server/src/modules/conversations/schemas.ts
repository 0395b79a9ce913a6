import { CONVERSATION_PRIORITIES, CONVERSATION_STATUSES } from '@bevatel/protocol';
import { Type } from 'typebox';
import { AccountIdParams, Id, JsonObjectSchema, Nullable, OneOf, Text } from '../../lib/schemas';

const literals = OneOf;

/** `…/conversations/:id`: the display id, a positive integer (malformed ones are a 422). */
export const ConversationParams = AccountIdParams;

const strict = { additionalProperties: false } as const;

export const Status = literals(CONVERSATION_STATUSES);
export const Priority = Nullable(literals(CONVERSATION_PRIORITIES));

const LabelList = Type.Array(Text({ minLength: 1, maxLength: 255 }), { maxItems: 100 });

export const ListQuery = Type.Object({
  status: Type.Optional(literals([...CONVERSATION_STATUSES, 'all'])),
  assignee_type: Type.Optional(literals(['me', 'unassigned', 'assigned', 'all'])),
  inbox_id: Type.Optional(Id()),
  team_id: Type.Optional(Id()),
  // `labels[]=a&labels[]=b` (Chatwoot's form) and `labels=a&labels=b` both work.
  'labels[]': Type.Optional(LabelList),
  labels: Type.Optional(LabelList),
  q: Type.Optional(Text({ maxLength: 200 })),
  page: Type.Optional(Type.Integer({ minimum: 1, maximum: 1_000_000 })),
});

/**
 * Creation bodies accept unknown keys (ignored), as Chatwoot does: scripts written for its API
 * send extra ones (`template_params`, …). The action bodies below are strict.
 */
export const CreateBody = Type.Object({
  inbox_id: Id(),
  contact_id: Id(),
  source_id: Type.Optional(Text({ minLength: 1, maxLength: 255 })),
  message: Type.Optional(Type.Object({ content: Text({ minLength: 1, maxLength: 150_000 }) })),
  status: Type.Optional(Status),
  priority: Type.Optional(Priority),
  assignee_id: Type.Optional(Nullable(Id())),
  team_id: Type.Optional(Nullable(Id())),
  additional_attributes: Type.Optional(JsonObjectSchema),
  custom_attributes: Type.Optional(JsonObjectSchema),
});

export const ToggleStatusBody = Type.Object(
  {
    status: Type.Optional(Status),
    snoozed_until: Type.Optional(Nullable(Type.Integer({ minimum: 0, maximum: 4_102_444_800 }))),
  },
  strict,
);

export const TogglePriorityBody = Type.Object({ priority: Priority }, strict);

export const AssignmentBody = Type.Object(
  { assignee_id: Type.Optional(Nullable(Id())), team_id: Type.Optional(Nullable(Id())) },
  strict,
);

/** `{labels}` replaces them all (Chatwoot); `{add}` or `{remove}` changes some (one of the three). */
export const LabelsBody = Type.Object(
  {
    labels: Type.Optional(LabelList),
    add: Type.Optional(LabelList),
    remove: Type.Optional(LabelList),
  },
  strict,
);

export const CustomAttributesBody = Type.Object({ custom_attributes: JsonObjectSchema }, strict);

export const UpdateBody = Type.Object(
  {
    priority: Type.Optional(Priority),
    additional_attributes: Type.Optional(JsonObjectSchema),
    custom_attributes: Type.Optional(JsonObjectSchema),
    muted: Type.Optional(Type.Boolean()),
  },
  strict,
);
