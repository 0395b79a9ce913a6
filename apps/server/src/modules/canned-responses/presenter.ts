import type { CannedResponse } from '@bevatel/protocol';
import type { CannedResponseRow } from '../../db/schema';
import { toSecondsOrZero } from '../../lib/time';

export function presentCannedResponse(row: CannedResponseRow): CannedResponse {
  return {
    id: row.id,
    account_id: row.account_id,
    short_code: row.short_code,
    content: row.content,
    created_by_id: row.created_by_id,
    created_at: toSecondsOrZero(row.created_at),
    updated_at: toSecondsOrZero(row.updated_at),
  };
}
