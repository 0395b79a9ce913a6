/** The account's order of apps, as the table changes it: pure, so it is tested alone. */

/** `ids` with the item at `from` moved to `to` (both indexes into `ids`). */
export function moved<T>(ids: readonly T[], from: number, to: number): T[] {
  if (from === to || from < 0 || to < 0 || from >= ids.length || to >= ids.length) return [...ids];
  const next = [...ids];
  const [item] = next.splice(from, 1);
  next.splice(to, 0, item as T);
  return next;
}

/** `ids` with `id` one place earlier (-1) or later (+1); unchanged at either end. */
export function movedBy<T>(ids: readonly T[], id: T, by: -1 | 1): T[] {
  const from = ids.indexOf(id);
  return moved(ids, from, from + by);
}
