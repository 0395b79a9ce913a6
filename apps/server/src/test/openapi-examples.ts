/**
 * Finds every example in an OpenAPI 3.1 document (`examples` on a schema, `example`/`examples`
 * on a media type) and says which do not validate against the schema they illustrate.
 */
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';

type Node = Record<string, unknown>;

export interface ExampleProblem {
  /** Where in the document, as a JSON pointer. */
  at: string;
  errors: string;
}

const isNode = (value: unknown): value is Node =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

function* examplesIn(node: unknown, at: string): Generator<[Node, unknown, string]> {
  if (Array.isArray(node)) {
    for (const [i, item] of node.entries()) yield* examplesIn(item, `${at}/${i}`);
    return;
  }
  if (!isNode(node)) return;
  // A media type: { schema, example | examples: { name: { value } } }.
  if (isNode(node.schema) && ('example' in node || isNode(node.examples))) {
    if ('example' in node) yield [node.schema, node.example, `${at}/example`];
    if (isNode(node.examples)) {
      for (const [name, entry] of Object.entries(node.examples)) {
        if (isNode(entry) && 'value' in entry)
          yield [node.schema, entry.value, `${at}/examples/${name}`];
      }
    }
  }
  // A schema: { type…, examples: [ … ] }.
  if (Array.isArray(node.examples) && ('type' in node || 'properties' in node || 'anyOf' in node)) {
    for (const [i, example] of node.examples.entries())
      yield [node, example, `${at}/examples/${i}`];
  }
  for (const [key, value] of Object.entries(node)) {
    if (key !== 'examples' && key !== 'example') yield* examplesIn(value, `${at}/${key}`);
  }
}

/** Every example of `document` and the problems of those that do not fit their schema. */
export function checkExamples(document: unknown): { count: number; problems: ExampleProblem[] } {
  // Annotations and extension keywords (x-…) are not validation: ignored, not refused.
  const ajv = new Ajv2020({ strict: false, allErrors: true });
  addFormats.default(ajv);
  // The same schema is inlined wherever it is answered: compile each once.
  const compiled = new Map<string, ReturnType<typeof ajv.compile>>();
  const problems: ExampleProblem[] = [];
  let count = 0;
  for (const [schema, example, at] of examplesIn(document, '#')) {
    count += 1;
    const key = JSON.stringify(schema);
    const validate = compiled.get(key) ?? ajv.compile(schema);
    compiled.set(key, validate);
    if (!validate(example)) problems.push({ at, errors: ajv.errorsText(validate.errors) });
  }
  return { count, problems };
}
