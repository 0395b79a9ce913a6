/** Test rows of canned responses (access matrix, bad input, module tests). */
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema';
import { unique } from '../../test/factories';

export async function insertCannedResponse(
  db: Kysely<Database>,
  accountId: number,
  createdById: number | null = null,
  fields: { short_code?: string; content?: string } = {},
): Promise<number> {
  const shortCode = fields.short_code ?? unique('canned');
  const now = Date.now();
  const row = await db
    .insertInto('canned_responses')
    .values({
      account_id: accountId,
      short_code: shortCode,
      short_code_key: shortCode.toLowerCase(),
      content: fields.content ?? 'Hello {{contact.name}}',
      created_by_id: createdById,
      created_at: now,
      updated_at: now,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}
