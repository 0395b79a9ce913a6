import type { UserRole } from '@bevatel/protocol';
import { invalid } from '../../lib/errors';

/**
 * An account must keep an administrator, and an administrator cannot remove themselves
 * (someone else has to): both would lock the account out of its own settings.
 */
export function assertCanRemoveAgent(input: {
  actorId: number;
  targetId: number;
  targetRole: string;
  administrators: number;
}): void {
  if (input.actorId === input.targetId) {
    throw invalid('id', 'You cannot remove yourself from the account');
  }
  if (input.targetRole === 'administrator' && input.administrators <= 1) {
    throw invalid('id', 'The account must keep at least one administrator');
  }
}

export function assertCanChangeRole(input: {
  currentRole: string;
  nextRole: UserRole | undefined;
  administrators: number;
}): void {
  const demotes = input.currentRole === 'administrator' && input.nextRole === 'agent';
  if (demotes && input.administrators <= 1) {
    throw invalid('role', 'The account must keep at least one administrator');
  }
}
