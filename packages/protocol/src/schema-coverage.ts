/**
 * Compares the product document's JSON Schema (what apps may rely on) with a schema derived from
 * the protocol's TypeScript types (what the host builds). Test-only: `schema.test.ts` uses it to
 * prove that every payload typed by the protocol satisfies the document.
 */

/** The subset of JSON Schema that both the document schema and the derived one use. */
export interface SchemaNode {
  type?: string | string[];
  const?: unknown;
  enum?: unknown[];
  required?: string[];
  properties?: Record<string, SchemaNode>;
  items?: SchemaNode;
  anyOf?: SchemaNode[];
  oneOf?: SchemaNode[];
}

/** A union (`anyOf`/`oneOf`) as its members; any other node as itself. */
function variantsOf(node: SchemaNode): SchemaNode[] {
  const members = node.anyOf ?? node.oneOf;
  return members ? members.flatMap(variantsOf) : [node];
}

function jsonTypeOf(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  return typeof value === 'object' ? 'object' : typeof value;
}

/** JSON types a node admits; null when it does not constrain the type. */
function typesOf(node: SchemaNode): Set<string> | null {
  const types = new Set<string>();
  for (const variant of variantsOf(node)) {
    if (variant.type !== undefined) {
      for (const type of [variant.type].flat()) types.add(type);
    } else if (variant.const !== undefined) {
      types.add(jsonTypeOf(variant.const));
    } else if (variant.enum) {
      for (const value of variant.enum) types.add(jsonTypeOf(value));
    } else if (variant.properties) {
      types.add('object');
    } else {
      return null;
    }
  }
  return types;
}

function admits(documentTypes: Set<string>, type: string): boolean {
  // TypeScript has no integer type: a protocol `number` stands where the document says integer.
  return documentTypes.has(type) || (type === 'number' && documentTypes.has('integer'));
}

function objectVariants(node: SchemaNode): SchemaNode[] {
  return variantsOf(node).filter((v) => [v.type].flat().includes('object') || v.properties);
}

function arrayVariants(node: SchemaNode): SchemaNode[] {
  return variantsOf(node).filter((v) => [v.type].flat().includes('array'));
}

/**
 * Every way the derived schema falls short of the document at `path`: a field the document
 * lists that the types lack, a field the document requires that the types make optional, a JSON
 * type the types allow that the document does not, a different constant. Empty when the types
 * satisfy the document.
 */
export function schemaCoverageProblems(
  document: SchemaNode,
  derived: SchemaNode,
  path = '$',
): string[] {
  const problems: string[] = [];
  const documentTypes = typesOf(document);
  const derivedTypes = typesOf(derived);
  if (documentTypes && !derivedTypes) {
    problems.push(
      `${path}: the types leave it unconstrained, the document says ${[...documentTypes].join(' | ')}`,
    );
  }
  if (documentTypes && derivedTypes) {
    for (const type of derivedTypes) {
      if (!admits(documentTypes, type)) {
        problems.push(
          `${path}: the types allow ${type}, the document only ${[...documentTypes].join(' | ')}`,
        );
      }
    }
  }
  if (document.const !== undefined) {
    const constants = variantsOf(derived).map(
      (v) => v.const ?? (v.enum?.length === 1 ? v.enum[0] : undefined),
    );
    if (!constants.every((value) => value === document.const)) {
      problems.push(
        `${path}: the document fixes it to ${JSON.stringify(document.const)}, the types do not`,
      );
    }
  }

  if (document.properties || document.required) {
    const objects = objectVariants(derived);
    if (!objects.length) {
      problems.push(`${path}: the document describes an object, the types do not`);
      return problems;
    }
    for (const key of document.required ?? []) {
      for (const object of objects) {
        if (!object.required?.includes(key)) {
          problems.push(
            `${path}.${key}: required by the document, optional or missing in the types`,
          );
        }
      }
    }
    for (const [key, child] of Object.entries(document.properties ?? {})) {
      for (const object of objects) {
        const derivedChild = object.properties?.[key];
        if (!derivedChild) {
          problems.push(`${path}.${key}: listed by the document, missing in the types`);
        } else {
          problems.push(...schemaCoverageProblems(child, derivedChild, `${path}.${key}`));
        }
      }
    }
  }

  if (document.items) {
    const arrays = arrayVariants(derived);
    if (!arrays.length) problems.push(`${path}: the document describes an array, the types do not`);
    for (const array of arrays) {
      if (!array.items) problems.push(`${path}[]: the types do not say what the items are`);
      else problems.push(...schemaCoverageProblems(document.items, array.items, `${path}[]`));
    }
  }
  return problems;
}
