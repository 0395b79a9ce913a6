/**
 * Which routes speak JSON: the API, sign-in, the widget's public API and the probes (not files,
 * pages or sockets). They declare their schemas (the route walk checks it) and make up the
 * OpenAPI description.
 */
export const isJsonRoute = (url: string): boolean =>
  /^\/(api|auth|public)\//.test(url) || url === '/health' || url === '/ready';

/** `/a/:id/b` as OpenAPI writes it: `/a/{id}/b`. */
export const openApiPath = (url: string): string => url.replace(/:([A-Za-z_]+)/g, '{$1}');
