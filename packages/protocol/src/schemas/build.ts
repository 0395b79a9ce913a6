/**
 * Building blocks for response schemas. They describe JSON the way fast-json-stringify
 * serializes fastest: nullable fields as type arrays (`["string", "null"]`) and value sets as
 * `enum`s of one type, rather than `anyOf` unions it would have to test branch by branch.
 */
import { Type, type Static, type TSchema, type TUnsafe } from 'typebox';
import type { JsonObject } from '../entities';

type JsonType = 'string' | 'integer' | 'number' | 'boolean' | 'object' | 'array';

/** `schema` or null; `schema` must name a single JSON type. */
export function Nullable<T extends TSchema>(schema: T): TUnsafe<Static<T> | null> {
  const { type } = schema as { type?: JsonType };
  if (typeof type !== 'string') throw new Error('Nullable needs a schema with one type');
  return Type.Unsafe<Static<T> | null>({ ...schema, type: [type, 'null'] });
}

/** One of a fixed set of strings or integers (a protocol value set). */
export function OneOf<const T extends string | number>(values: readonly T[]): TUnsafe<T> {
  const type = typeof values[0] === 'number' ? 'integer' : 'string';
  return Type.Unsafe<T>({ type, enum: [...values] });
}

/**
 * A JSON document whose keys are open (custom attributes, content attributes): serialized
 * as it is, typed as the protocol types it. Documented keys, when given, are always written.
 */
export function Document<T extends object = JsonObject>(
  properties: Record<string, TSchema> = {},
): TUnsafe<T> {
  return Type.Unsafe<T>({ type: 'object', properties, additionalProperties: true });
}

export const Str = () => Type.String();
export const Int = () => Type.Integer();
export const Bool = () => Type.Boolean();
export const NullableStr = () => Nullable(Type.String());
export const NullableInt = () => Nullable(Type.Integer());
