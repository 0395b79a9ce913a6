import type { FastifyRequest } from 'fastify';
import { requireAdmin } from '../plugins/auth';

/**
 * Route-level `onRequest` hook: refuses non-administrators before the body is read or
 * validated, so an agent learns nothing about a route's input rules and gets a plain 403.
 */
export async function adminOnly(request: FastifyRequest): Promise<void> {
  requireAdmin(request);
}
