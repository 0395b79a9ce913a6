/** Response schemas of canned responses (contract.ts checks them against the protocol type). */
import { Type } from 'typebox';
import { Int, NullableInt, Str } from './build';

export const CannedResponseSchema = Type.Object({
  id: Int(),
  account_id: Int(),
  short_code: Str(),
  content: Str(),
  created_by_id: NullableInt(),
  created_at: Int(),
  updated_at: Int(),
});

/** Chatwoot answers the index with a bare array. */
export const CannedResponseListSchema = Type.Array(CannedResponseSchema);
