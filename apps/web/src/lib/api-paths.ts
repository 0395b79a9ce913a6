/**
 * The API's paths as types, from the protocol's list of endpoints: a request path written as a
 * template (`conversations/${id}`) is matched to its endpoint, and the answer is typed by that
 * endpoint's response schema. A path the API does not have does not compile.
 */
import type { ApiEndpoint, ApiResponse } from '@bevatel/protocol/schemas';

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/** Numeric ids fill `:…id` segments; tokens and identifiers are any text. */
type Segment<Param extends string> = Param extends 'id' | `${string}_id` ? `${number}` : string;

/** `/a/:x/b/:y` as the concrete paths it stands for. */
type Concrete<Pattern extends string> =
  Pattern extends `${infer Head}/:${infer Param}/${infer Rest}`
    ? `${Head}/${Segment<Param>}/${Concrete<Rest>}`
    : Pattern extends `${infer Head}/:${infer Param}`
      ? `${Head}/${Segment<Param>}`
      : Pattern;

type EndpointOf<M extends HttpMethod> = Extract<ApiEndpoint, `${M} ${string}`>;
type PatternOf<E extends string> = E extends `${HttpMethod} ${infer Pattern}` ? Pattern : never;

/** Every path `M` may be sent to. */
export type ApiPath<M extends HttpMethod> = Concrete<PatternOf<EndpointOf<M>>>;

/** The answer of `M path`: the response of the endpoint whose pattern the path fits. */
export type ResponseTo<M extends HttpMethod, P extends string> = {
  [E in EndpointOf<M>]: P extends Concrete<PatternOf<E>> ? ApiResponse<E> : never;
}[EndpointOf<M>];

const ACCOUNT = '/api/v1/accounts/';
type AccountPrefix = `${typeof ACCOUNT}${number}/`;

/** The paths under one account, after `/api/v1/accounts/:account_id/`. */
export type AccountPath<M extends HttpMethod = HttpMethod> =
  ApiPath<M> extends infer P ? (P extends `${AccountPrefix}${infer Rest}` ? Rest : never) : never;

/** `/api/v1/accounts/:id/<rest>`. */
export const accountPath = <R extends AccountPath>(accountId: number, rest: R) =>
  `${ACCOUNT}${accountId}/${rest}` as `${AccountPrefix}${R}`;
