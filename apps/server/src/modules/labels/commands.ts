import type { Transaction } from 'kysely';
import type { Caller } from '../../core/caller';
import { outcome, type Outcome, type Tx } from '../../core/commands';
import type { Database, LabelRow } from '../../db/schema';
import { refusingDuplicates } from '../../lib/db-errors';
import { invalid, notFound } from '../../lib/errors';
import { nowMs } from '../../lib/time';
import { findLabel } from './queries';
import { DEFAULT_LABEL_COLOR, LABEL_TITLE_PATTERN, normalizeColor, normalizeTitle } from './policy';

const duplicateTitle = () => invalid('title', 'A label with this title already exists');

/** A write whose unique constraint refuses a taken value with duplicateTitle(). */
const withUniqueTitle = <T>(work: () => Promise<T>): Promise<T> =>
  refusingDuplicates(work, duplicateTitle);

export interface LabelInput {
  title?: string;
  description?: string | null;
  color?: string;
  show_on_sidebar?: boolean;
}

export async function createLabel(
  tx: Tx,
  caller: Caller,
  input: LabelInput & { title: string },
): Promise<Outcome<LabelRow>> {
  return withUniqueTitle(async () =>
    outcome(
      await tx.db
        .insertInto('labels')
        .values({
          account_id: caller.account.id,
          title: normalizeTitle(input.title),
          description: input.description ?? null,
          color: normalizeColor(input.color ?? DEFAULT_LABEL_COLOR),
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
  tx: Tx,
  caller: Caller,
  labelId: number,
  input: LabelInput,
): Promise<Outcome<LabelRow>> {
  const accountId = caller.account.id;
  const trx = tx.db;
  return outcome(
    await withUniqueTitle(async () => {
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
export async function deleteLabel(tx: Tx, caller: Caller, labelId: number): Promise<Outcome<void>> {
  const accountId = caller.account.id;
  const trx = tx.db;
  const current = await findLabel(trx, accountId, labelId);
  if (!current) throw notFound('Label');
  await trx
    .deleteFrom('conversation_labels')
    .where('label', '=', current.title)
    .where('conversation_id', 'in', accountConversations(trx, accountId))
    .execute();
  await trx.deleteFrom('labels').where('id', '=', labelId).execute();
  return outcome(undefined);
}

/**
 * The account's labels with these titles, created when missing (Chatwoot creates a label a
 * conversation is tagged with). Titles must be label slugs; concurrent creators meet the
 * unique (account, title) constraint and both end with the one row. Answers the stored titles
 * in the order asked.
 */
export async function ensureLabels(
  tx: Tx,
  accountId: number,
  titles: readonly string[],
  field: string,
): Promise<string[]> {
  const wanted = [...new Set(titles.map(normalizeTitle))];
  const pattern = new RegExp(LABEL_TITLE_PATTERN);
  const bad = wanted.filter((title) => !pattern.test(title) || title.length > 255);
  if (bad.length) {
    throw invalid(
      field,
      `${field}: ${bad.join(', ')} cannot be label titles (letters, digits, - and _)`,
    );
  }
  if (wanted.length === 0) return [];
  await tx.db
    .insertInto('labels')
    .values(
      wanted.map((title) => ({
        account_id: accountId,
        title,
        description: null,
        color: DEFAULT_LABEL_COLOR,
        show_on_sidebar: 1,
        created_at: nowMs(),
      })),
    )
    .onConflict((oc) => oc.columns(['account_id', 'title']).doNothing())
    .execute();
  return wanted;
}
