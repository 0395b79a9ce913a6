import { Ajv, type Options } from 'ajv';
import addFormats from 'ajv-formats';
import type { FastifyInstance, FastifySchema } from 'fastify';
import { NUMERIC_STRING_KEYWORD } from '../lib/schemas';

const COMMON: Options = {
  allErrors: false,
  useDefaults: true,
  removeAdditional: false,
  strict: false,
};

/**
 * `x-numeric-string: {minimum, maximum}` on a string schema: digits within the bounds are
 * accepted and replaced by their number in the validated data (Chatwoot clients send ids as
 * strings); anything else fails.
 */
function addNumericStrings(ajv: Ajv): void {
  ajv.addKeyword({
    keyword: NUMERIC_STRING_KEYWORD,
    type: 'string',
    modifying: true,
    errors: false,
    validate: (bounds: { minimum: number; maximum: number }, data: string, _schema, context) => {
      const value = Number(data);
      if (!Number.isSafeInteger(value) || value < bounds.minimum || value > bounds.maximum) {
        return false;
      }
      if (context?.parentData !== undefined) {
        (context.parentData as Record<string | number, unknown>)[context.parentDataProperty] =
          value;
      }
      return true;
    },
  });
}

function makeAjv(options: Options): Ajv {
  const ajv = new Ajv({ ...COMMON, ...options });
  addFormats.default(ajv);
  addNumericStrings(ajv);
  return ajv;
}

/**
 * Bodies are checked strictly (a number where a string belongs is an error, not coerced),
 * while params and query strings, which are always text, are coerced to their declared types.
 */
export function installValidators(app: FastifyInstance): void {
  const strict = makeAjv({ coerceTypes: false });
  const coercing = makeAjv({ coerceTypes: 'array' });
  app.setValidatorCompiler<FastifySchema>(({ schema, httpPart }) =>
    (httpPart === 'body' ? strict : coercing).compile(schema as object),
  );
}
