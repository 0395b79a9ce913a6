import type { FastifyInstance } from 'fastify';
import { runCommand } from '../../core/commands';
import { unique } from '../../test/factories';
import { inviteToAccount } from './commands';

/** A fresh pending invitation of a new e-mail to the account, with its one-time token. */
export async function freshInvitation(app: FastifyInstance, accountId: number, invitedBy: number) {
  const inviter = { accountId, user: { id: invitedBy } };
  const { result } = await runCommand(app, (tx) =>
    inviteToAccount(tx, inviter, {
      name: 'Invited Person',
      email: `${unique('invited')}@acme.test`,
      role: 'agent',
    }),
  );
  return result;
}
