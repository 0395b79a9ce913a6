/**
 * The simulator's checks of a level-2 request, in the dashboard's order (unknown method, then
 * permission, then params) and with the protocol's own schemas: the page asks here before it
 * applies a request to its sample conversation.
 */
import {
  METHOD_PARAMS,
  METHOD_PERMISSIONS,
  isAppMethod,
  isAppPermission,
  validate,
  type AppError,
} from '@bevatel/protocol';

export function checkLevel2Request(body: unknown): { ok: true } | { error: AppError } {
  const fields = typeof body === 'object' && body !== null ? (body as Record<string, unknown>) : {};
  const method = fields.method;
  if (!isAppMethod(method)) {
    return {
      error: { code: 'unknown_method', message: `There is no method ${JSON.stringify(method)}` },
    };
  }
  const granted = Array.isArray(fields.granted) ? fields.granted.filter(isAppPermission) : [];
  const permission = METHOD_PERMISSIONS[method];
  if (permission !== null && !granted.includes(permission)) {
    return {
      error: {
        code: 'permission_denied',
        message: `${method} needs the permission ${permission}, which is not granted in the simulator`,
      },
    };
  }
  const problem = validate(METHOD_PARAMS[method], fields.params ?? {});
  if (problem)
    return { error: { code: 'invalid_params', message: `${method}: ${problem.message}` } };
  return { ok: true };
}
