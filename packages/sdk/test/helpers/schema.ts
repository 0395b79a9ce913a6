import schema from '@bevatel/protocol/app-context.schema.json';
import { Ajv2020 } from 'ajv/dist/2020.js';

/** Validates a parsed appContext message ({event, data}); returns ajv's errors or []. */
let compiled: ReturnType<Ajv2020['compile']> | undefined;

export function validateAppContext(message: unknown): unknown[] {
  compiled ??= new Ajv2020({ allErrors: true, strict: false }).compile(schema as object);
  const validate = compiled;
  return validate(message) ? [] : (validate.errors ?? []);
}
