import { fileURLToPath } from 'node:url';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { createGenerator } from 'ts-json-schema-generator';
import { describe, expect, it } from 'vitest';
import documentSchema from '../schema/app-context.schema.json';
import { schemaCoverageProblems, type SchemaNode } from './schema-coverage';

/** The JSON Schema of `AppContextEvent` as the protocol's TypeScript types define it. */
function schemaFromTypes(): SchemaNode {
  return createGenerator({
    path: fileURLToPath(new URL('./app-context.ts', import.meta.url)),
    tsconfig: fileURLToPath(new URL('../tsconfig.json', import.meta.url)),
    type: 'AppContextEvent',
    expose: 'none',
    topRef: false,
    skipTypeCheck: true, // tsc checks the package; this only reads its types
  }).createSchema('AppContextEvent') as SchemaNode;
}

describe('the appContext schema (packages/protocol/schema, derived from the product document)', () => {
  it('is a valid JSON Schema 2020-12', () => {
    const ajv = new Ajv2020({ strict: true, allErrors: true });
    expect(ajv.validateSchema(documentSchema), JSON.stringify(ajv.errors)).toBe(true);
    expect(() => ajv.compile(documentSchema)).not.toThrow();
  });

  it('is satisfied by the protocol types: every field, requirement and JSON type it names', () => {
    expect(schemaCoverageProblems(documentSchema as SchemaNode, schemaFromTypes())).toEqual([]);
  });

  it('tells a drift of the types from the document', () => {
    const document: SchemaNode = {
      type: 'object',
      required: ['id', 'labels'],
      properties: {
        id: { type: 'integer' },
        labels: { type: 'array', items: { type: 'string' } },
        meta: { type: ['object', 'null'], properties: { name: { type: ['string', 'null'] } } },
        event: { const: 'appContext' },
      },
    };
    const drifted: SchemaNode = {
      type: 'object',
      required: ['id'],
      properties: {
        id: { type: 'string' },
        labels: { type: 'array', items: { anyOf: [{ type: 'string' }, { type: 'number' }] } },
        meta: { anyOf: [{ type: 'object', properties: {} }, { type: 'null' }] },
        event: { type: 'string' },
      },
    };
    expect(schemaCoverageProblems(document, drifted)).toEqual([
      '$.labels: required by the document, optional or missing in the types',
      '$.id: the types allow string, the document only integer',
      '$.labels[]: the types allow number, the document only string',
      '$.meta.name: listed by the document, missing in the types',
      '$.event: the document fixes it to "appContext", the types do not',
    ]);
    expect(schemaCoverageProblems(document, document)).toEqual([]);
  });
});
