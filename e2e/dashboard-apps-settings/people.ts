/** An account with an administrator and an agent, written straight to the dashboard's database. */
import type { Kysely } from 'kysely';
import type { Database } from '../../apps/server/src/db/schema';
import { hashPassword } from '../../apps/server/src/lib/passwords';
import { randomToken } from '../../apps/server/src/lib/tokens';
import { accessTokenColumns } from '../../apps/server/src/lib/access-tokens';
import { E2E_SECRET_KEY_BASE } from '../support/dashboard';

export const PASSWORD = 'settings e2e password';

export interface Person {
  id: number;
  email: string;
  password: string;
}

export interface SettingsWorld {
  accountId: number;
  admin: Person;
  agent: Person;
}

export async function createPeople(db: Kysely<Database>, tag: string): Promise<SettingsWorld> {
  const now = Date.now();
  const passwordHash = await hashPassword(PASSWORD);
  const account = await db
    .insertInto('accounts')
    .values({ name: `Settings ${tag}`, locale: 'en', created_at: now })
    .returning('id')
    .executeTakeFirstOrThrow();
  const person = async (name: string, role: string): Promise<Person> => {
    const email = `${role}.${tag}@settings.test`;
    const user = await db
      .insertInto('users')
      .values({
        name,
        email,
        password_hash: passwordHash,
        ...accessTokenColumns(randomToken(), E2E_SECRET_KEY_BASE),
        ui_settings: '{}',
        created_at: now,
        updated_at: now,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await db
      .insertInto('account_users')
      .values({
        account_id: account.id,
        user_id: user.id,
        role,
        auto_offline: 1,
        availability: 'online',
        created_at: now,
      })
      .execute();
    return { id: user.id, email, password: PASSWORD };
  };
  return {
    accountId: account.id,
    admin: await person('Settings Admin', 'administrator'),
    agent: await person('Settings Agent', 'agent'),
  };
}
