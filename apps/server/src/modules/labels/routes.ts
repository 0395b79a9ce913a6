import type { FastifyInstance } from 'fastify';

/** Account-scoped routes (prefix /api/v1/accounts/:account_id); filled in by its module's owner. */
export async function labelRoutes(_app: FastifyInstance): Promise<void> {}
