import type { FastifyInstance } from 'fastify';
import { runCommand } from '../../core/commands';
import { insertAgent } from '../../test/factories';
import { issueResetForEmail } from './commands';

/** A fresh agent of the account with a pending reset link, and its one-time token. */
export async function freshReset(app: FastifyInstance, accountId: number) {
  const agent = await insertAgent(app.db, accountId);
  const { result } = await runCommand(app, (tx) => issueResetForEmail(tx, agent.email));
  if (!result) throw new Error('the fresh agent has no user row');
  return { agent, reset: result.reset, token: result.token };
}
