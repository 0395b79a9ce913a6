/**
 * Bad input, route by route: every case is sent as a member (an administrator unless said
 * otherwise) and must get its 4xx JSON error while the database stays exactly as it was.
 * Modules list their cases in `modules/<x>/bad-input.cases.ts`, usually built with
 * `standardBadInputs(spec)` plus route-specific ones, and register them in
 * `bad-input-cases.ts`.
 */
import { createHash } from 'node:crypto';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { sql } from 'kysely';
import type { Actor } from './access';
import type { World } from './fixtures';
import type { HttpMethod, Params } from './routes';

export interface BadInputContext {
  app: FastifyInstance;
  world: World;
}

export interface BadInputRequest {
  /** Route params besides `account_id` (the world's account unless given). */
  params?: Params;
  /** A JSON body. */
  body?: unknown;
  /** Sent as is (with `application/json` unless headers say otherwise). */
  rawBody?: string;
  headers?: Record<string, string>;
  /** Query string without `?`. */
  query?: string;
}

export interface BadInputCase {
  method: HttpMethod;
  /** The Fastify route pattern. */
  route: string;
  /** What is wrong with this request. */
  note: string;
  as?: Exclude<Actor, 'anonymous'>;
  /** Builds the request; runs before the "before" snapshot, so it may create rows it needs. */
  input?: (ctx: BadInputContext) => BadInputRequest | Promise<BadInputRequest>;
  expect: number;
  /** The `field` the error must name. */
  field?: string;
  /**
   * Tables the request is allowed to change, for input that is odd but legitimate and must be
   * stored verbatim (`'; DROP TABLE …`). Every other table must be unchanged.
   */
  changes?: string[];
  /** More checks on the response (e.g. the text came back verbatim). */
  verify?: (res: LightMyRequestResponse, ctx: BadInputContext) => void | Promise<void>;
}

type Maybe<T> = T | Promise<T>;
type BodyObject = Record<string, unknown>;

/** One route, described once, from which the usual bad variants are derived. */
export interface RouteSpec {
  method: HttpMethod;
  route: string;
  as?: Exclude<Actor, 'anonymous'>;
  /** Params of a request that would succeed (besides `account_id`). */
  params?: (ctx: BadInputContext) => Maybe<Params>;
  /** Body of a request that would succeed; each variant breaks one thing in it. */
  body?: BodyObject | ((ctx: BadInputContext) => Maybe<BodyObject>);
  /** Top-level keys to send with the wrong type; defaults to the keys of a literal `body`. */
  bodyKeys?: string[];
  /** Body keys whose absence must be refused with a 422 naming the key. */
  required?: string[];
  /** Whether unknown body keys are refused (schemas with `additionalProperties: false`). */
  strictBody?: boolean;
}

export const SQL_LOOKING = "'; DROP TABLE contacts; --";
export const ONE_MIB = 1024 * 1024;

function wrongTypeFor(value: unknown): unknown {
  if (typeof value === 'string') return 12345;
  if (typeof value === 'number') return 'not-a-number';
  if (typeof value === 'boolean') return 'yes';
  if (Array.isArray(value)) return 'not-an-array';
  if (value === null) return 12345;
  return ['not', 'an', 'object'];
}

async function validRequest(
  spec: RouteSpec,
  ctx: BadInputContext,
): Promise<BadInputRequest & { body?: BodyObject }> {
  const params = (await spec.params?.(ctx)) ?? {};
  const body = typeof spec.body === 'function' ? await spec.body(ctx) : spec.body;
  return { params, body };
}

/**
 * The variants every route gets: ids that are unknown or malformed (one at a time), and for
 * routes with a body: not JSON, too large, not an object, unsupported media type, an unknown
 * key, each key of the wrong type, each required key missing.
 */
export function standardBadInputs(spec: RouteSpec): BadInputCase[] {
  const { method, route, as } = spec;
  const cases: BadInputCase[] = [];
  const variant = (
    note: string,
    expectStatus: number,
    change: (valid: BadInputRequest & { body?: BodyObject }) => BadInputRequest,
    field?: string,
  ) =>
    cases.push({
      method,
      route,
      as,
      note,
      expect: expectStatus,
      field,
      input: async (ctx) => change(await validRequest(spec, ctx)),
    });

  const idParams = [...route.matchAll(/:([A-Za-z_]+)/g)]
    .map((m) => m[1]!)
    .filter((name) => name !== 'account_id');
  for (const param of idParams) {
    const withParam = (value: string | number) => (valid: BadInputRequest) => ({
      ...valid,
      params: { ...valid.params, [param]: value },
    });
    variant(`unknown :${param}`, 404, withParam(2_147_483_647));
    variant(`:${param} not a number`, 422, withParam('abc'), param);
    variant(`:${param} zero`, 422, withParam(0), param);
    variant(`:${param} beyond integer range`, 422, withParam('99999999999'), param);
    variant(`:${param} SQL-looking`, 422, withParam('1 OR 1=1'), param);
  }

  if (spec.body === undefined) return cases;
  const raw =
    (rawBody: string, headers: Record<string, string> = {}) =>
    ({ params }: BadInputRequest) => ({ params, rawBody, headers });
  variant('body is not JSON', 400, raw('{"name": '));
  variant('body larger than 1 MiB', 413, raw(JSON.stringify({ pad: 'x'.repeat(ONE_MIB + 16) })));
  variant('body is an array', 422, (v) => ({ ...v, body: [v.body] }));
  variant('body is a JSON string', 422, raw('"text"'));
  variant('body is XML', 415, raw('<contact/>', { 'content-type': 'application/xml' }));
  if (spec.strictBody !== false) {
    variant(
      'unknown key',
      422,
      (v) => ({ ...v, body: { ...v.body, zz_unknown: 1 } }),
      'zz_unknown',
    );
  }
  const keys = spec.bodyKeys ?? (typeof spec.body === 'object' ? Object.keys(spec.body) : []);
  for (const key of keys) {
    variant(
      `${key} of the wrong type`,
      422,
      (v) => ({ ...v, body: { ...v.body, [key]: wrongTypeFor(v.body?.[key]) } }),
      key,
    );
  }
  for (const key of spec.required ?? []) {
    variant(
      `${key} missing`,
      422,
      (v) => {
        const { [key]: _dropped, ...rest } = v.body ?? {};
        return { ...v, body: rest };
      },
      key,
    );
  }
  return cases;
}

export interface TableSnapshot {
  rows: number;
  checksum: string;
}

/** Row count and a content checksum of every application table (migrations' own excluded). */
export async function snapshotDatabase(
  app: FastifyInstance,
): Promise<Record<string, TableSnapshot>> {
  const tables =
    app.dialect === 'postgres'
      ? await sql<{ name: string }>`
          select table_name as name from information_schema.tables
          where table_schema = current_schema() and table_name not like 'kysely_%'`.execute(app.db)
      : await sql<{ name: string }>`
          select name from sqlite_master
          where type = 'table' and name not like 'sqlite_%' and name not like 'kysely_%'`.execute(
          app.db,
        );
  const out: Record<string, TableSnapshot> = {};
  for (const { name } of tables.rows) {
    const { rows } = await sql<Record<string, unknown>>`select * from ${sql.table(name)}`.execute(
      app.db,
    );
    // Row order is not guaranteed without an ORDER BY: sort the serialized rows instead.
    const lines = rows.map((row) => JSON.stringify(row)).sort();
    out[name] = {
      rows: rows.length,
      checksum: createHash('sha256').update(lines.join('\n')).digest('hex'),
    };
  }
  return out;
}
