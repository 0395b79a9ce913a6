import { highlightRuns, snippetAround } from '../../lib/highlight';

/**
 * User text with the searched term marked (<mark>), in its own direction; long texts are
 * cut to a window around the first match.
 */
export function Highlighted({
  text,
  term,
  snippet = false,
  className,
}: {
  text: string;
  term: string;
  snippet?: boolean;
  className?: string;
}) {
  const shown = snippet ? snippetAround(text, term) : text;
  return (
    <span dir="auto" className={['user-text', className].filter(Boolean).join(' ')}>
      {highlightRuns(shown, term).map((run, i) =>
        run.match ? <mark key={i}>{run.text}</mark> : <span key={i}>{run.text}</span>,
      )}
    </span>
  );
}
