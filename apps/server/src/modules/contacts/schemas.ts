import { Type } from 'typebox';
import { Id, JsonObjectSchema, Nullable, OneOf, Text } from '../../lib/schemas';
import { CONTACT_SORTS } from './queries';

const SocialProfiles = Type.Record(Type.String(), Nullable(Text({ maxLength: 2048 })));

/** Documented keys are typed; any other key is kept as given (Chatwoot stores city, country…). */
const AdditionalAttributes = Type.Object({
  description: Type.Optional(Nullable(Text({ maxLength: 10_000 }))),
  company_name: Type.Optional(Nullable(Text({ maxLength: 255 }))),
  social_profiles: Type.Optional(SocialProfiles),
});

// Email and phone are checked (and normalized) by policy.ts, which names the field.
const ContactFields = {
  name: Type.Optional(Nullable(Text({ maxLength: 255 }))),
  email: Type.Optional(Nullable(Text({ maxLength: 320 }))),
  phone_number: Type.Optional(Nullable(Text({ maxLength: 32 }))),
  identifier: Type.Optional(Nullable(Text({ maxLength: 255 }))),
  additional_attributes: Type.Optional(AdditionalAttributes),
  custom_attributes: Type.Optional(JsonObjectSchema),
};

export const CreateContactBody = Type.Object(
  {
    ...ContactFields,
    inbox_id: Type.Optional(Id()),
    source_id: Type.Optional(Text({ minLength: 1, maxLength: 255 })),
  },
  { additionalProperties: false },
);

export const UpdateContactBody = Type.Object(ContactFields, { additionalProperties: false });

export const RemoveCustomAttributesBody = Type.Object(
  { custom_attributes: Type.Array(Type.String({ maxLength: 255 }), { maxItems: 1000 }) },
  { additionalProperties: false },
);

const Page = Type.Integer({ minimum: 1, maximum: 100_000, default: 1 });
const Sort = OneOf(CONTACT_SORTS);

// Query strings stay open to extra keys: Chatwoot clients send flags we do not use.
export const ListQuery = Type.Object({ page: Page, sort: Type.Optional(Sort) });
export const SearchQuery = Type.Object({
  q: Type.Optional(Text({ maxLength: 255 })),
  page: Page,
  sort: Type.Optional(Sort),
});
