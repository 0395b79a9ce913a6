import { existsSync, readFileSync } from 'node:fs';
import { Ajv2020 } from 'ajv/dist/2020.js';

/** A copy of shared/seed/app-context.schema.json (the document's JSON blocks as a schema). */
export const SCHEMA_PATH = new URL('../fixtures/app-context.schema.json', import.meta.url);
/** Where the original lives beside the repository, when it is there (dev machines and CI). */
export const SEED_SCHEMA_PATH = new URL(
  '../../../../../shared/seed/app-context.schema.json',
  import.meta.url,
);

export function seedSchemaText(): string | null {
  return existsSync(SEED_SCHEMA_PATH) ? readFileSync(SEED_SCHEMA_PATH, 'utf8') : null;
}

/** Validates a parsed appContext message ({event, data}); returns ajv's errors or []. */
let compiled: ReturnType<Ajv2020['compile']> | undefined;

export function validateAppContext(message: unknown): unknown[] {
  compiled ??= new Ajv2020({ allErrors: true, strict: false }).compile(
    JSON.parse(readFileSync(SCHEMA_PATH, 'utf8')) as object,
  );
  const validate = compiled;
  return validate(message) ? [] : (validate.errors ?? []);
}
