/**
 * Parameter schemas of level 2, written once: each is a plain JSON Schema (draft 2020-12
 * subset) object that also carries, at the type level only, the TypeScript type it accepts.
 * The host validates with `validate()` below; the docs print the schemas; Ajv checks in the
 * tests that they are real JSON Schema and that `validate()` agrees with it.
 *
 * Why not TypeBox or Ajv here: the host runs in the dashboard's bundle under a CSP without
 * `unsafe-eval` (Ajv compiles with `new Function`), and TypeBox's checker adds ~38 KB gzip to
 * validate a dozen small objects. This subset interprets in ~2 KB.
 */
import type { JsonObject } from '../entities';

declare const STATIC: unique symbol;

/** The JSON Schema keywords this subset uses. */
export interface SchemaNode {
  type?: 'string' | 'integer' | 'number' | 'boolean' | 'object' | 'array' | 'null';
  enum?: readonly (string | number | boolean | null)[];
  anyOf?: readonly SchemaNode[];
  minLength?: number;
  maxLength?: number;
  pattern?: string;
  minimum?: number;
  maximum?: number;
  items?: SchemaNode;
  minItems?: number;
  maxItems?: number;
  uniqueItems?: boolean;
  properties?: Readonly<Record<string, SchemaNode>>;
  required?: readonly string[];
  additionalProperties?: boolean | SchemaNode;
  maxProperties?: number;
  minProperties?: number;
  propertyNames?: SchemaNode;
  description?: string;
}

/** A schema node that knows the type of the values it accepts. */
export type Schema<T> = SchemaNode & { readonly [STATIC]?: T };

/** The type a schema accepts. */
export type Infer<S> = S extends Schema<infer T> ? T : never;

type Described = { description?: string };

export function string(
  options: Described & Pick<SchemaNode, 'minLength' | 'maxLength' | 'pattern'> = {},
): Schema<string> {
  return { type: 'string', ...options };
}

export function integer(
  options: Described & Pick<SchemaNode, 'minimum' | 'maximum'> = {},
): Schema<number> {
  return { type: 'integer', ...options };
}

export function boolean(options: Described = {}): Schema<boolean> {
  return { type: 'boolean', ...options };
}

export function literals<const T extends readonly string[]>(
  values: T,
  options: Described = {},
): Schema<T[number]> {
  return { enum: values, ...options };
}

export function nullable<T>(schema: Schema<T>, options: Described = {}): Schema<T | null> {
  return { anyOf: [schema, { type: 'null' }], ...options };
}

export function array<T>(
  items: Schema<T>,
  options: Described & Pick<SchemaNode, 'minItems' | 'maxItems' | 'uniqueItems'> = {},
): Schema<T[]> {
  return { type: 'array', items, ...options };
}

/** Marks a property optional inside `object()`. */
export interface Optional<T> {
  readonly optional: Schema<T>;
}

export function optional<T>(schema: Schema<T>): Optional<T> {
  return { optional: schema };
}

type Shape = Record<string, Schema<unknown> | Optional<unknown>>;
type RequiredKeys<S extends Shape> = {
  [K in keyof S]: S[K] extends Optional<unknown> ? never : K;
}[keyof S];
type OptionalKeys<S extends Shape> = Exclude<keyof S, RequiredKeys<S>>;
type Flatten<T> = { [K in keyof T]: T[K] };
export type ObjectOf<S extends Shape> = Flatten<
  { [K in RequiredKeys<S>]: Infer<S[K]> } & {
    [K in OptionalKeys<S>]?: S[K] extends Optional<infer T> ? T : never;
  }
>;

/** A closed object: unknown keys are refused (a misspelt parameter must not pass silently). */
export function object<S extends Shape>(
  shape: S,
  options: Described & Pick<SchemaNode, 'minProperties' | 'maxProperties'> = {},
): Schema<ObjectOf<S>> {
  const properties: Record<string, SchemaNode> = {};
  const required: string[] = [];
  for (const [key, value] of Object.entries(shape)) {
    if ('optional' in value) properties[key] = (value as Optional<unknown>).optional;
    else {
      properties[key] = value;
      required.push(key);
    }
  }
  return {
    type: 'object',
    properties,
    ...(required.length ? { required } : {}),
    additionalProperties: false,
    ...options,
  };
}

/** An open JSON object (custom attributes): any keys within the bounds, any JSON values. */
export function jsonObject(
  options: Described & {
    minProperties?: number;
    maxProperties?: number;
    maxKeyLength?: number;
  } = {},
): Schema<JsonObject> {
  const { maxKeyLength, ...rest } = options;
  return {
    type: 'object',
    ...(maxKeyLength ? { propertyNames: { minLength: 1, maxLength: maxKeyLength } } : {}),
    ...rest,
  };
}

/** An object whose keys are free (within the bounds) and whose values all match `values`. */
export function record<T>(
  values: Schema<T>,
  options: Described & {
    minProperties?: number;
    maxProperties?: number;
    propertyNames?: SchemaNode;
  } = {},
): Schema<Record<string, T>> {
  return { type: 'object', additionalProperties: values, ...options };
}

/** One of several schemas (the first that matches decides nothing else: any match passes). */
export function anyOf<A, B>(a: Schema<A>, b: Schema<B>, options: Described = {}): Schema<A | B> {
  return { anyOf: [a, b], ...options };
}

/** Where and why a value does not match: `path` is like `labels[2]`, empty for the root. */
export interface SchemaProblem {
  path: string;
  message: string;
}

const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

function typeMatches(type: NonNullable<SchemaNode['type']>, value: unknown): boolean {
  switch (type) {
    case 'string':
      return typeof value === 'string';
    case 'integer':
      return typeof value === 'number' && Number.isInteger(value);
    case 'number':
      return typeof value === 'number' && Number.isFinite(value);
    case 'boolean':
      return typeof value === 'boolean';
    case 'null':
      return value === null;
    case 'array':
      return Array.isArray(value);
    case 'object':
      return isPlainObject(value);
  }
}

const at = (path: string, key: string | number): string =>
  typeof key === 'number' ? `${path}[${key}]` : path ? `${path}.${key}` : key;

const describeValue = (value: unknown): string =>
  value === null ? 'null' : Array.isArray(value) ? 'an array' : typeof value;

/** Unicode code points, as JSON Schema counts string length. */
const lengthOf = (text: string): number => {
  let n = 0;
  for (const _ of text) n += 1;
  return n;
};

function check(node: SchemaNode, value: unknown, path: string): SchemaProblem | null {
  const name = path || 'params';
  if (node.anyOf) {
    const problems = node.anyOf.map((option) => check(option, value, path));
    if (problems.some((p) => p === null)) return null;
    // The closest miss: a problem deeper inside the value says more than "wrong type".
    const deepest = problems
      .filter((p): p is SchemaProblem => p !== null)
      .sort((a, b) => b.path.length - a.path.length)[0];
    return deepest && deepest.path !== path
      ? deepest
      : { path, message: `${name} is not allowed here` };
  }
  if (node.enum && !node.enum.includes(value as string)) {
    return {
      path,
      message: `${name} must be one of ${node.enum.map((v) => JSON.stringify(v)).join(', ')}`,
    };
  }
  if (node.type && !typeMatches(node.type, value)) {
    return {
      path,
      message: `${name} must be ${node.type === 'integer' ? 'an integer' : `a${node.type === 'object' || node.type === 'array' ? 'n' : ''} ${node.type}`} (got ${describeValue(value)})`,
    };
  }
  if (typeof value === 'string') {
    const length = lengthOf(value);
    if (node.minLength !== undefined && length < node.minLength) {
      return {
        path,
        message:
          node.minLength === 1
            ? `${name} must not be empty`
            : `${name} must be at least ${node.minLength} characters`,
      };
    }
    if (node.maxLength !== undefined && length > node.maxLength) {
      return { path, message: `${name} must be at most ${node.maxLength} characters` };
    }
    if (node.pattern !== undefined && !new RegExp(node.pattern, 'u').test(value)) {
      return { path, message: `${name} ${node.description ?? `must match ${node.pattern}`}` };
    }
  }
  if (typeof value === 'number') {
    if (node.minimum !== undefined && value < node.minimum) {
      return { path, message: `${name} must be at least ${node.minimum}` };
    }
    if (node.maximum !== undefined && value > node.maximum) {
      return { path, message: `${name} must be at most ${node.maximum}` };
    }
  }
  if (Array.isArray(value)) {
    if (node.minItems !== undefined && value.length < node.minItems) {
      return {
        path,
        message: `${name} must hold at least ${node.minItems} item${node.minItems === 1 ? '' : 's'}`,
      };
    }
    if (node.maxItems !== undefined && value.length > node.maxItems) {
      return { path, message: `${name} must hold at most ${node.maxItems} items` };
    }
    if (node.items) {
      for (let i = 0; i < value.length; i++) {
        const problem = check(node.items, value[i], at(path, i));
        if (problem) return problem;
      }
    }
    if (node.uniqueItems) {
      const seen = new Set<string>();
      for (let i = 0; i < value.length; i++) {
        const key = JSON.stringify(value[i]);
        if (seen.has(key))
          return { path: at(path, i), message: `${at(path, i)} repeats an earlier item` };
        seen.add(key);
      }
    }
  }
  if (isPlainObject(value)) {
    const keys = Object.keys(value);
    if (node.minProperties !== undefined && keys.length < node.minProperties) {
      return {
        path,
        message: `${name} must have at least ${node.minProperties} key${node.minProperties === 1 ? '' : 's'}`,
      };
    }
    if (node.maxProperties !== undefined && keys.length > node.maxProperties) {
      return { path, message: `${name} must have at most ${node.maxProperties} keys` };
    }
    for (const key of node.required ?? []) {
      if (!(key in value)) return { path: at(path, key), message: `${at(path, key)} is required` };
    }
    for (const key of keys) {
      if (node.propertyNames) {
        const problem = check(node.propertyNames, key, at(path, key));
        if (problem)
          return {
            path: at(path, key),
            message: `the key ${JSON.stringify(key)} of ${name}: ${problem.message.replace(at(path, key), 'it')}`,
          };
      }
      const property = node.properties?.[key];
      if (property) {
        const problem = check(property, value[key], at(path, key));
        if (problem) return problem;
      } else if (node.additionalProperties === false) {
        return { path: at(path, key), message: `${at(path, key)} is not a parameter here` };
      } else if (typeof node.additionalProperties === 'object') {
        const problem = check(node.additionalProperties, value[key], at(path, key));
        if (problem) return problem;
      }
    }
  }
  return null;
}

/** The first way `value` fails `schema`, or null when it matches. Never throws. */
export function validate(schema: SchemaNode, value: unknown): SchemaProblem | null {
  return check(schema, value, '');
}

/** Narrows `value` to the schema's type when it matches. */
export function matches<T>(schema: Schema<T>, value: unknown): value is T {
  return validate(schema, value) === null;
}
