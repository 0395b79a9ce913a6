import type { Kysely } from 'kysely';
import type { Config } from '../config';
import type { Database } from '../db/schema';

export interface SeedResult {
  created: boolean;
  accountId: number | null;
}

/** Demo data on an empty database; filled in by the seed owner. */
export async function seedDemo(_db: Kysely<Database>, _config: Config): Promise<SeedResult> {
  return { created: false, accountId: null };
}
