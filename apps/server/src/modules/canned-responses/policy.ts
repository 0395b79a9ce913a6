import type { Caller } from '../../core/caller';
import { isAdmin } from '../../core/caller';
import type { CannedResponseRow } from '../../db/schema';

/** Typed after `/` in the composer, so a short code is one word. */
export const SHORT_CODE_PATTERN = '^[^\\s\\u0000]+$';

/** The unique key of a short code: `Refund` and `refund` are one. */
export const shortCodeKey = (shortCode: string): string => shortCode.toLowerCase();

/**
 * Chatwoot's rule (CannedResponsePolicy): every member reads and adds canned responses;
 * administrators change or delete any, agents only those they wrote.
 */
export const canChange = (caller: Caller, row: CannedResponseRow): boolean =>
  isAdmin(caller) || row.created_by_id === caller.user.id;
