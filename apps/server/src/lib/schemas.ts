/**
 * Schema pieces every account-scoped route repeats. Ids are bounded to PostgreSQL's `integer`
 * so an oversized id is a 4xx from validation instead of an out-of-range error from the database.
 */
import type { JsonObject } from '@bevatel/protocol';
import { Type, type TSchema, type TUnsafe } from 'typebox';

export const MAX_DB_INTEGER = 2_147_483_647;

/** Keyword that turns a numeric string into the number it spells (see plugins/validation.ts). */
export const NUMERIC_STRING_KEYWORD = 'x-numeric-string';

/**
 * A database id: a positive integer that fits the `integer` column type. Chatwoot's API
 * describes ids as strings and its clients send `"inbox_id": "3"`, so digits in a string are
 * accepted too and arrive as the number; any other type is still refused.
 */
export const Id = (options: { description?: string } = {}): TUnsafe<number> =>
  Type.Unsafe<number>({
    ...options,
    anyOf: [
      Type.Integer({ minimum: 1, maximum: MAX_DB_INTEGER }),
      Type.String({
        pattern: '^[0-9]{1,10}$',
        [NUMERIC_STRING_KEYWORD]: { minimum: 1, maximum: MAX_DB_INTEGER },
      }),
    ],
  });

// PostgreSQL refuses NUL in text; rejecting it here keeps that a 422 rather than a 500.
const NO_NUL = '^[^\\u0000]*$';

/** Text stored in a column: bounded and free of NUL characters. */
export const Text = (options: { minLength?: number; maxLength: number; pattern?: string }) =>
  Type.String({ pattern: NO_NUL, ...options });

/** A nullable variant of a schema, for fields that may be cleared. */
export const Nullable = <T extends TSchema>(schema: T) => Type.Union([schema, Type.Null()]);

/** Params of routes under `/api/v1/accounts/:account_id` (the hook already checked membership). */
export const AccountParams = Type.Object({ account_id: Id() }, { additionalProperties: false });

/** `…/:id` under an account. */
export const AccountIdParams = Type.Object(
  { account_id: Id(), id: Id() },
  { additionalProperties: false },
);

/** Any JSON object (attributes documents); its size is checked by the command. */
export const JsonObjectSchema = Type.Unsafe<JsonObject>(
  Type.Record(Type.String({ maxLength: 255 }), Type.Unknown()),
);

/** One of a fixed set of strings (validated as a union of literals), typed as that union. */
export const OneOf = <const T extends string>(values: readonly T[]): TUnsafe<T> =>
  Type.Unsafe<T>(Type.Union(values.map((value) => Type.Literal(value))));

/** A list of user ids, each at most once. */
export const UserIds = Type.Array(Id(), { maxItems: 1000, uniqueItems: true });
