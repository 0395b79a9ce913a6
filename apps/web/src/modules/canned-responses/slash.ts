/** The `/` shortcut of the composer, framework-free: where it is typed and what it matches. */
import type { CannedResponse } from '@bevatel/protocol';

export interface SlashQuery {
  /** Index of the `/` in the text. */
  start: number;
  /** What follows it up to the caret. */
  query: string;
}

/** The `/word` just before the caret, when `/` starts the text or follows a space. */
export function slashQueryAt(text: string, caret: number): SlashQuery | null {
  const match = /(?:^|\s)\/([^\s/]*)$/.exec(text.slice(0, caret));
  if (!match) return null;
  const query = match[1] ?? '';
  return { start: caret - query.length - 1, query };
}

/**
 * Responses matching `query` (case-insensitive), best first: the exact short code, short codes
 * starting with it, short codes holding it, then content holding it.
 */
export function matchCanned(
  responses: readonly CannedResponse[],
  query: string,
  limit = 8,
): CannedResponse[] {
  const q = query.toLocaleLowerCase();
  const rank = (response: CannedResponse): number => {
    const code = response.short_code.toLocaleLowerCase();
    if (code === q) return 0;
    if (code.startsWith(q)) return 1;
    if (code.includes(q)) return 2;
    if (response.content.toLocaleLowerCase().includes(q)) return 3;
    return -1;
  };
  return responses
    .map((response) => ({ response, rank: rank(response) }))
    .filter((item) => item.rank >= 0)
    .sort(
      (a, b) => a.rank - b.rank || a.response.short_code.localeCompare(b.response.short_code, 'en'),
    )
    .slice(0, limit)
    .map((item) => item.response);
}

/** The text with `/query` (up to the caret) replaced by `inserted`, and the caret after it. */
export function replaceSlash(
  text: string,
  slash: SlashQuery,
  caret: number,
  inserted: string,
): { text: string; caret: number } {
  const next = `${text.slice(0, slash.start)}${inserted}${text.slice(caret)}`;
  return { text: next, caret: slash.start + inserted.length };
}
