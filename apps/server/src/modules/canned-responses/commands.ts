import type { Caller } from '../../core/caller';
import { outcome, publishEvent, type CoreEvent, type Outcome, type Tx } from '../../core/commands';
import type { CannedResponseRow } from '../../db/schema';
import { refusingDuplicates } from '../../lib/db-errors';
import { forbidden, invalid, notFound } from '../../lib/errors';
import { nowMs } from '../../lib/time';
import { canChange, shortCodeKey } from './policy';
import { presentCannedResponse } from './presenter';
import { findCannedResponse } from './queries';

export interface CannedResponseInput {
  short_code?: string;
  content?: string;
}

const taken = () => invalid('short_code', 'A canned response with this short code already exists');

/** A write whose unique constraint refuses a taken value with taken(). */
const withUniqueShortCode = <T>(work: () => Promise<T>): Promise<T> =>
  refusingDuplicates(work, taken);

/** Every member's composer offers them: the events go to the whole account. */
const changed = (
  row: CannedResponseRow,
  event: 'canned_response.created' | 'canned_response.updated',
): CoreEvent =>
  publishEvent(
    { accountId: row.account_id, inboxId: null },
    { event, data: presentCannedResponse(row) },
  );

function checkContent(content: string): string {
  if (content.trim() === '') throw invalid('content', 'content must not be blank');
  return content;
}

export async function createCannedResponse(
  tx: Tx,
  caller: Caller,
  input: Required<CannedResponseInput>,
): Promise<Outcome<CannedResponseRow>> {
  const content = checkContent(input.content);
  const now = nowMs();
  const row = await withUniqueShortCode(() =>
    tx.db
      .insertInto('canned_responses')
      .values({
        account_id: caller.account.id,
        short_code: input.short_code,
        short_code_key: shortCodeKey(input.short_code),
        content,
        created_by_id: caller.user.id,
        created_at: now,
        updated_at: now,
      })
      .returningAll()
      .executeTakeFirstOrThrow(),
  );
  return outcome(row, [changed(row, 'canned_response.created')]);
}

async function changeable(tx: Tx, caller: Caller, id: number): Promise<CannedResponseRow> {
  const row = await findCannedResponse(tx.db, caller.account.id, id);
  if (!row) throw notFound('Canned response');
  if (!canChange(caller, row)) {
    throw forbidden('Only administrators and its author can change this canned response');
  }
  return row;
}

export async function updateCannedResponse(
  tx: Tx,
  caller: Caller,
  id: number,
  input: CannedResponseInput,
): Promise<Outcome<CannedResponseRow>> {
  const current = await changeable(tx, caller, id);
  const set = {
    ...(input.short_code !== undefined
      ? { short_code: input.short_code, short_code_key: shortCodeKey(input.short_code) }
      : {}),
    ...(input.content !== undefined ? { content: checkContent(input.content) } : {}),
  };
  if (Object.keys(set).length === 0) return outcome(current);
  const row = await withUniqueShortCode(() =>
    tx.db
      .updateTable('canned_responses')
      .set({ ...set, updated_at: nowMs() })
      .where('id', '=', id)
      .returningAll()
      .executeTakeFirstOrThrow(),
  );
  return outcome(row, [changed(row, 'canned_response.updated')]);
}

export async function deleteCannedResponse(
  tx: Tx,
  caller: Caller,
  id: number,
): Promise<Outcome<void>> {
  const row = await changeable(tx, caller, id);
  await tx.db.deleteFrom('canned_responses').where('id', '=', id).execute();
  return outcome(undefined, [
    publishEvent(
      { accountId: row.account_id, inboxId: null },
      { event: 'canned_response.deleted', data: { id } },
    ),
  ]);
}
