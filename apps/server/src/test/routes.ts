/**
 * Route patterns for the cross-cutting suites: filling a pattern's params, and listing what
 * the app actually registered (so a route nobody wrote cases for is noticed).
 */
import type { FastifyInstance } from 'fastify';

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/** Prefix of the account-scoped routes. */
export const ACCOUNT = '/api/v1/accounts/:account_id';

export type Params = Record<string, string | number>;

/** `/a/:id/b` + `{id: 5}` → `/a/5/b`; every param must be given. */
export function fillRoute(route: string, params: Params): string {
  return route.replace(/:([A-Za-z_]+)/g, (_match, name: string) => {
    const value = params[name];
    if (value === undefined) throw new Error(`No value for :${name} in ${route}`);
    return encodeURIComponent(String(value));
  });
}

export interface RegisteredRoute {
  method: HttpMethod;
  route: string;
}

const METHODS = new Set<string>(['GET', 'POST', 'PUT', 'PATCH', 'DELETE']);

/** Parses `printRoutes({commonPrefix: false})`: one segment per line, 4 columns per level. */
export function registeredRoutes(app: FastifyInstance): RegisteredRoute[] {
  const out: RegisteredRoute[] = [];
  const stack: string[] = [];
  for (const line of app.printRoutes({ commonPrefix: false }).split('\n')) {
    const match = /^([│ ├└─]*)(\/\S*|\*) \(([^)]+)\)/u.exec(line);
    if (!match) continue;
    const depth = Math.round([...match[1]!].length / 4) - 1;
    stack.length = Math.max(depth, 0);
    // A wildcard prints as a bare "*" under its parent ("/docs" + "*" is "/docs/*").
    const segment = match[2] === '*' && !stack.join('').endsWith('/') ? '/*' : match[2]!;
    stack.push(segment);
    const route = stack.join('');
    for (const method of match[3]!.split(',').map((m) => m.trim())) {
      if (METHODS.has(method)) out.push({ method: method as HttpMethod, route });
    }
  }
  return out;
}

export const routeKey = (r: { method: string; route: string }) => `${r.method} ${r.route}`;
