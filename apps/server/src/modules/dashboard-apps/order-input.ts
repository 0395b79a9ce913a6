import { invalid } from '../../lib/errors';

/** `{ids: [...]}`: every app of the account exactly once, in the new order. */
export function readAppOrder(body: unknown, existing: readonly number[]): number[] {
  const fields =
    typeof body === 'object' && body !== null && !Array.isArray(body)
      ? (body as Record<string, unknown>)
      : null;
  if (!fields) throw invalid('ids', 'The body must be {ids: [app ids in their new order]}');
  const unknown = Object.keys(fields).find((key) => key !== 'ids');
  if (unknown !== undefined) throw invalid(unknown, `${unknown} is not accepted here`);
  const { ids } = fields;
  if (!Array.isArray(ids)) throw invalid('ids', 'ids must be a list of app ids');
  const known = new Set(existing);
  const seen = new Set<number>();
  ids.forEach((id: unknown, index) => {
    const at = `ids[${index}]`;
    if (typeof id !== 'number' || !Number.isInteger(id) || !known.has(id)) {
      throw invalid(at, `${at} is not a dashboard app of this account`);
    }
    if (seen.has(id)) throw invalid(at, `${at} repeats ${id}`);
    seen.add(id);
  });
  const missing = existing.find((id) => !seen.has(id));
  if (missing !== undefined)
    throw invalid('ids', `ids must list every app of the account (${missing} is missing)`);
  return ids as number[];
}
