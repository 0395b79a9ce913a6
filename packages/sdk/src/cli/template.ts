/**
 * Template files of `create`: `{{name}}` placeholders, and parts kept only for some variants.
 * A line containing `@if:TAG` starts a part that ends at the line containing `@end:TAG`; both
 * marker lines are dropped, the part is kept when TAG is on (`backend`, `html`, `react`).
 * `<!-- @if:TAG -->…<!-- @end:TAG -->` inside one line works the same.
 */
export function renderTemplate(
  text: string,
  tags: ReadonlySet<string>,
  values: Readonly<Record<string, string>>,
): string {
  const inline = text.replace(
    /<!-- @if:(\w+) -->(.*?)<!-- @end:\1 -->/g,
    (_all, tag: string, part: string) => (tags.has(tag) ? part : ''),
  );
  const out: string[] = [];
  const open: { tag: string; keep: boolean }[] = [];
  for (const line of inline.split('\n')) {
    const start = /@if:(\w+)/.exec(line);
    const end = /@end:(\w+)/.exec(line);
    if (start) {
      open.push({ tag: start[1] as string, keep: tags.has(start[1] as string) });
      continue;
    }
    if (end) {
      if (open.pop()?.tag !== end[1]) throw new Error(`Unbalanced @end:${end[1]} in a template`);
      continue;
    }
    if (open.every((part) => part.keep)) out.push(line);
  }
  if (open.length) throw new Error(`Unclosed @if:${open[0]?.tag} in a template`);
  return out.join('\n').replace(/\{\{(\w+)\}\}/g, (all, key: string) => values[key] ?? all);
}
