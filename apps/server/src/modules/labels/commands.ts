import type { FastifyInstance } from 'fastify';
import type { Transaction } from 'kysely';
import type { Database, LabelRow } from '../../db/schema';
import { isUniqueViolation } from '../../lib/db-errors';
import { invalid, notFound } from '../../lib/errors';
import { nowMs } from '../../lib/time';
import { findLabel } from './queries';
import { normalizeColor, normalizeTitle } from './policy';

type App = Pick<FastifyInstance, 'db' | 'dialect'>;

const duplicateTitle = () => invalid('title', 'A label with this title already exists');

async function withUniqueTitle<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (isUniqueViolation(error)) throw duplicateTitle();
    throw error;
  }
}

export interface LabelInput {
  title?: string;
  description?: string | null;
  color?: string;
  show_on_sidebar?: boolean;
}

export async function createLabel(
  app: App,
  accountId: number,
  input: LabelInput & { title: string },
): Promise<LabelRow> {
  return withUniqueTitle(() =>
    app.db.transaction().execute((trx) =>
      trx
        .insertInto('labels')
        .values({
          account_id: accountId,
          title: normalizeTitle(input.title),
          description: input.description ?? null,
          color: normalizeColor(input.color ?? '#1f93ff'),
          show_on_sidebar: input.show_on_sidebar === false ? 0 : 1,
          created_at: nowMs(),
        })
        .returningAll()
        .executeTakeFirstOrThrow(),
    ),
  );
}

/** The account's conversations, for statements on conversation_labels. */
const accountConversations = (trx: Transaction<Database>, accountId: number) =>
  trx.selectFrom('conversations').select('id').where('account_id', '=', accountId);

/** Conversations carry labels by title: a rename follows onto them. */
async function renameOnConversations(
  trx: Transaction<Database>,
  accountId: number,
  from: string,
  to: string,
): Promise<void> {
  // A conversation tagged with both would collide on the primary key: keep one.
  await trx
    .deleteFrom('conversation_labels')
    .where('label', '=', to)
    .where('conversation_id', 'in', accountConversations(trx, accountId))
    .where('conversation_id', 'in', (eb) =>
      eb
        .selectFrom('conversation_labels as old')
        .select('old.conversation_id')
        .where('old.label', '=', from),
    )
    .execute();
  await trx
    .updateTable('conversation_labels')
    .set({ label: to })
    .where('label', '=', from)
    .where('conversation_id', 'in', accountConversations(trx, accountId))
    .execute();
}

export async function updateLabel(
  app: App,
  accountId: number,
  labelId: number,
  input: LabelInput,
): Promise<LabelRow> {
  return withUniqueTitle(() =>
    app.db.transaction().execute(async (trx) => {
      const current = await findLabel(trx, accountId, labelId);
      if (!current) throw notFound('Label');
      const title = input.title !== undefined ? normalizeTitle(input.title) : undefined;
      const set = {
        ...(title !== undefined ? { title } : {}),
        ...(input.description !== undefined ? { description: input.description } : {}),
        ...(input.color !== undefined ? { color: normalizeColor(input.color) } : {}),
        ...(input.show_on_sidebar !== undefined
          ? { show_on_sidebar: input.show_on_sidebar ? 1 : 0 }
          : {}),
      };
      if (Object.keys(set).length === 0) return current;
      const updated = await trx
        .updateTable('labels')
        .set(set)
        .where('id', '=', labelId)
        .returningAll()
        .executeTakeFirstOrThrow();
      if (title !== undefined && title !== current.title) {
        await renameOnConversations(trx, accountId, current.title, title);
      }
      return updated;
    }),
  );
}

/** Deletes the label and takes it off the account's conversations. */
export async function deleteLabel(app: App, accountId: number, labelId: number): Promise<void> {
  await app.db.transaction().execute(async (trx) => {
    const current = await findLabel(trx, accountId, labelId);
    if (!current) throw notFound('Label');
    await trx
      .deleteFrom('conversation_labels')
      .where('label', '=', current.title)
      .where('conversation_id', 'in', accountConversations(trx, accountId))
      .execute();
    await trx.deleteFrom('labels').where('id', '=', labelId).execute();
  });
}
