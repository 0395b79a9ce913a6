/**
 * Where a search term occurs in a text, for showing it marked: the text cut into runs, each
 * saying whether it matched. Case-insensitive (in the user's locale's sense: `toLocaleLowerCase`
 * keeps lengths for the scripts we serve), literal (no pattern syntax).
 */
export interface Run {
  text: string;
  match: boolean;
}

export function highlightRuns(text: string, term: string): Run[] {
  const needle = term.trim().toLocaleLowerCase();
  if (!needle) return [{ text, match: false }];
  const haystack = text.toLocaleLowerCase();
  // Lower-casing changed the length (rare letters): mark nothing rather than the wrong letters.
  if (haystack.length !== text.length) return [{ text, match: false }];
  const runs: Run[] = [];
  let from = 0;
  for (let at = haystack.indexOf(needle); at >= 0; at = haystack.indexOf(needle, from)) {
    if (at > from) runs.push({ text: text.slice(from, at), match: false });
    runs.push({ text: text.slice(at, at + needle.length), match: true });
    from = at + needle.length;
  }
  if (from < text.length) runs.push({ text: text.slice(from), match: false });
  return runs;
}

/**
 * A window of a long text around its first match, so the match shows in a one- or two-line
 * preview: at most `max` characters, cut at spaces where it can, with an ellipsis where cut.
 */
export function snippetAround(text: string, term: string, max = 140): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  if (flat.length <= max) return flat;
  const at = flat.toLocaleLowerCase().indexOf(term.trim().toLocaleLowerCase());
  let start = at < 0 ? 0 : Math.max(0, at - Math.floor(max / 3));
  let end = Math.min(flat.length, start + max);
  start = Math.max(0, end - max);
  if (start > 0) {
    const space = flat.indexOf(' ', start);
    if (space >= 0 && space < (at < 0 ? end : at)) start = space + 1;
  }
  if (end < flat.length) {
    const space = flat.lastIndexOf(' ', end);
    if (space > Math.max(start, at + term.length)) end = space;
  }
  return `${start > 0 ? '…' : ''}${flat.slice(start, end)}${end < flat.length ? '…' : ''}`;
}
