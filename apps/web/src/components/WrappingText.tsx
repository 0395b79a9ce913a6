import { Fragment } from 'react';
import { wrappableRuns } from '../lib/wrap';

/** Text whose e-mail addresses and URLs wrap at sensible points (lib/wrap.ts), via <wbr>. */
export function WrappingText({ text }: { text: string }) {
  const runs = wrappableRuns(text);
  if (runs.length === 1) return <>{text}</>;
  return (
    <>
      {runs.map((run, i) => (
        <Fragment key={i}>
          {i > 0 ? <wbr /> : null}
          {run}
        </Fragment>
      ))}
    </>
  );
}
